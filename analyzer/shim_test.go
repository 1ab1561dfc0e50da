package analyzer

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestShimStubInSync checks that the test stub of profileenv under
// testdata/src has the functions the fixes call, with the same signatures
// as the real package, so that golden tests cannot pass against an API
// that does not exist.
func TestShimStubInSync(t *testing.T) {
	real := loadRealShim(t)
	stub := loadStub(t, filepath.Join("testdata", "src", "github.com", "credlint", "credlint", "profileenv"))
	used := []string{"SetCmdEnv"}
	for _, twin := range shimTwins {
		used = append(used, twin)
	}
	qual := func(p *types.Package) string { return p.Path() }
	for _, name := range used {
		s, ok := stub.Scope().Lookup(name).(*types.Func)
		if !ok {
			t.Errorf("stub has no func %s, which the fixes call", name)
			continue
		}
		r, ok := real.Scope().Lookup(name).(*types.Func)
		if !ok {
			t.Errorf("profileenv has no func %s, which the fixes call", name)
			continue
		}
		if got, want := types.TypeString(s.Type(), qual), types.TypeString(r.Type(), qual); got != want {
			t.Errorf("%s: stub signature %s, profileenv has %s", name, got, want)
		}
	}
}

func loadRealShim(t *testing.T) *types.Package {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedTypes | packages.NeedName}, shimPath)
	if err != nil || len(pkgs) != 1 || pkgs[0].Types == nil || len(pkgs[0].Errors) > 0 {
		t.Fatalf("loading %s: %v %v", shimPath, err, pkgs)
	}
	return pkgs[0].Types
}

func loadStub(t *testing.T, dir string) *types.Package {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no stub files in %s: %v", dir, err)
	}
	var files []*ast.File
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check(shimPath, fset, files, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}
