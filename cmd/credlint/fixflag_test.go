package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffAndFix runs standalone -diff (prints the patch, changes nothing,
// exits 3) and -fix (rewrites the file, exits 0) on a handler that reads a
// credential with a request in scope.
func TestDiffAndFix(t *testing.T) {
	t.Parallel()
	const src = `package h

import (
	"net/http"
	"os"
)

func Register(mux *http.ServeMux) {
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		_ = os.Getenv("API_TOKEN")
	})
}
`
	dir := writeModule(t, map[string]string{"h/h.go": src})
	file := filepath.Join(dir, "h", "h.go")

	r := credlint(t, dir, "-diff", "./...")
	if r.code != exitFindings || !strings.Contains(r.stdout, `+		_ = profileenv.Getenv(r.Context(), "API_TOKEN")`) {
		t.Errorf("-diff: want exit %d and the patch\n%s", exitFindings, r)
	}
	if got, _ := os.ReadFile(file); string(got) != src {
		t.Errorf("-diff changed the file:\n%s", got)
	}

	r = credlint(t, dir, "-fix", "./...")
	if r.code != exitOK {
		t.Errorf("-fix: exit %d, want %d\n%s", r.code, exitOK, r)
	}
	// The module does not require the shim yet: say how to add it.
	if !strings.Contains(r.stderr, "does not require yet") || !strings.Contains(r.stderr, "go mod edit -require=github.com/credlint/credlint/profileenv@v0.0.0") {
		t.Errorf("-fix: want the hint to require profileenv on stderr\n%s", r)
	}
	got, _ := os.ReadFile(file)
	if !strings.Contains(string(got), `_ = profileenv.Getenv(r.Context(), "API_TOKEN")`) ||
		!strings.Contains(string(got), `"github.com/credlint/credlint/profileenv"`) || strings.Contains(string(got), `"os"`) {
		t.Errorf("-fix did not rewrite the read and the imports:\n%s", got)
	}
}
