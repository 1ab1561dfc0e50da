package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// handlerReadSrc is a handler that reads a credential with a request in
// scope: its fix is profileenv.Getenv(r.Context(), ...).
const handlerReadSrc = `package h

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

// TestDiffAndFix runs standalone -diff (prints the patch, changes nothing,
// exits 3) and -fix (rewrites the file, exits 0) on a handler that reads a
// credential with a request in scope.
func TestDiffAndFix(t *testing.T) {
	t.Parallel()
	src := handlerReadSrc
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
	if !strings.Contains(r.stderr, "does not require yet") || !strings.Contains(r.stderr, "go mod edit -require=github.com/credlint/credlint/profileenv@v0.0.0") ||
		!strings.Contains(r.stderr, "go mod tidy") {
		t.Errorf("-fix: want the hint to require profileenv on stderr\n%s", r)
	}
	got, _ := os.ReadFile(file)
	if !strings.Contains(string(got), `_ = profileenv.Getenv(r.Context(), "API_TOKEN")`) ||
		!strings.Contains(string(got), `"github.com/credlint/credlint/profileenv"`) || strings.Contains(string(got), `"os"`) {
		t.Errorf("-fix did not rewrite the read and the imports:\n%s", got)
	}
}

// TestDiffAppliesWithGit checks that the patch -diff prints names files
// relative to the module root, git style, so that `git apply` and
// `patch -p1` take it as it is (go vet prints absolute paths, which both
// refuse).
func TestDiffAppliesWithGit(t *testing.T) {
	t.Parallel()
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not on PATH")
	}
	src := handlerReadSrc
	dir := writeModule(t, map[string]string{"h/h.go": src})
	r := credlint(t, dir, "-diff", "./...")
	if r.code != exitFindings {
		t.Fatalf("-diff: exit %d, want %d\n%s", r.code, exitFindings, r)
	}
	for _, want := range []string{"diff --git a/h/h.go b/h/h.go\n", "--- a/h/h.go\n", "+++ b/h/h.go\n"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("-diff: patch lacks %q\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, dir) {
		t.Errorf("-diff: patch names the absolute directory %s\n%s", dir, r.stdout)
	}
	patch := filepath.Join(t.TempDir(), "fix.patch")
	if err := os.WriteFile(patch, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	if p, err := exec.LookPath("patch"); err == nil {
		out, err := exec.Command(p, "-p1", "--dry-run", "-d", dir, "-i", patch).CombinedOutput()
		if err != nil {
			t.Errorf("patch -p1 --dry-run: %v\n%s", err, out)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"apply", patch}} {
		cmd := exec.Command(git, args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	got, _ := os.ReadFile(filepath.Join(dir, "h", "h.go"))
	if !strings.Contains(string(got), `_ = profileenv.Getenv(r.Context(), "API_TOKEN")`) {
		t.Errorf("git apply did not apply the fix:\n%s", got)
	}
}

// TestFixLeavesFindings checks that -fix says which findings remain and
// exits 3 for them (issue 16): a write has no fix, so a gate that runs
// -fix must still fail on it, whether or not the module requires the shim
// (with it, credlint analyses the fixed code; without it, that code does
// not build yet).
func TestFixLeavesFindings(t *testing.T) {
	t.Parallel()
	const src = `package h

import (
	"net/http"
	"os"
)

func Register(mux *http.ServeMux) {
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		_ = os.Getenv("API_TOKEN")
		os.Setenv("MODE", r.URL.Path)
	})
}
`
	shim, err := filepath.Abs(filepath.Join("..", "..", "profileenv"))
	if err != nil {
		t.Fatal(err)
	}
	withShim := "module example.com/m\n\ngo 1.26.0\n\nrequire github.com/credlint/credlint/profileenv v0.0.0\n\nreplace github.com/credlint/credlint/profileenv => " + shim + "\n"
	for name, gomod := range map[string]string{"without the shim": "module example.com/m\n\ngo 1.26\n", "with the shim": withShim} {
		dir := writeModule(t, map[string]string{"go.mod": gomod, "h/h.go": src})
		r := credlint(t, dir, "-fix", "./...")
		if r.code != exitFindings || !strings.Contains(r.stdout, `os.Setenv("MODE")`) || strings.Contains(r.stdout, `os.Getenv`) {
			t.Errorf("-fix, %s: want exit %d and the write that remains, not the fixed read\n%s", name, exitFindings, r)
		}
		got, _ := os.ReadFile(filepath.Join(dir, "h", "h.go"))
		if !strings.Contains(string(got), `profileenv.Getenv(r.Context(), "API_TOKEN")`) {
			t.Errorf("-fix, %s: the read was not fixed:\n%s", name, got)
		}
	}
}
