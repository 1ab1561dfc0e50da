package golangci

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/analyzer"
)

// TestNoDuplicateRelated analyses a handler that makes four findings, each
// with the hop "HTTP handler registered here" at one position, and checks
// that no related entry would be shown twice by golangci-lint (same place,
// same text), while each finding keeps its own access.
func TestNoDuplicateRelated(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/dup\n\ngo 1.26\n",
		"app/app.go": `package app

import (
	"net/http"
	"os"
)

func Register(mux *http.ServeMux) {
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		_ = os.Getenv("A_API_KEY")
		_ = os.Getenv("B_API_KEY")
		_ = os.Getenv("C_API_KEY")
		os.Setenv("D_TOKEN", r.URL.Path)
	})
}
`,
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir,
		Env: append(os.Environ(), "GOFLAGS=", "GOWORK=off", "GOPROXY=off")}, "./...")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("load: %v", err)
	}
	count := func(a *analysis.Analyzer) (diags int, dups []string) {
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		for act := range graph.All() {
			if act.Analyzer != a {
				continue
			}
			seen := map[shownRelated]bool{}
			for _, d := range act.Diagnostics {
				diags++
				for _, rel := range d.Related {
					k := shownRelated{rel.Pos, rel.Message}
					if act.Package.Fset.File(rel.Pos) != act.Package.Fset.File(d.Pos) {
						k.pos = d.Pos
					}
					if seen[k] {
						dups = append(dups, act.Package.Fset.Position(k.pos).String()+": "+k.msg)
					}
					seen[k] = true
				}
			}
		}
		return diags, dups
	}
	plain, plainDups := count(analyzer.Analyzer)
	if plain < 4 || len(plainDups) == 0 {
		t.Fatalf("fixture: want 4 findings sharing a hop, got %d findings, duplicates %q", plain, plainDups)
	}
	got, dups := count(withoutDuplicateRelated())
	if got != plain || len(dups) > 0 {
		t.Errorf("plugin analyzer: %d findings (want %d), duplicate related entries %q", got, plain, dups)
	}
}
