package envaccess

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestNearReposModule: under a short module path (example.com/x) every
// package of the analysed package's own module is near, though the
// three-element guess of repoRoot gives each its own repository.
func TestNearReposModule(t *testing.T) {
	pkg := types.NewPackage("example.com/x/ctrl", "ctrl")
	pkg.SetImports([]*types.Package{types.NewPackage("example.com/x/store", "store")})
	st := &state{pass: &analysis.Pass{Pkg: pkg, Module: &analysis.Module{Path: "example.com/x"}}}
	near := st.nearRepos()
	for path, want := range map[string]bool{
		"example.com/x/p000":        true, // same module, imported by no one in view
		"example.com/x":             true,
		"example.com/x/store":       true,
		"example.com/xy/p":          false,
		"github.com/other/repo/pkg": false,
	} {
		if got := near(path); got != want {
			t.Errorf("near(%q) = %v, want %v", path, got, want)
		}
	}
	st.pass.Module = nil // some drivers set none: the repository guess alone
	if near := st.nearRepos(); near("example.com/x/p000") {
		t.Errorf("without a module, example.com/x/p000 is near example.com/x/ctrl")
	}
}
