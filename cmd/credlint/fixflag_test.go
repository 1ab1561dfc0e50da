package main

import (
	"fmt"
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

// writeOnlySrc is a handler whose only finding, a write, has no fix.
const writeOnlySrc = `package h

import (
	"net/http"
	"os"
)

func Register(mux *http.ServeMux) {
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		os.Setenv("MODE", r.URL.Path)
	})
}
`

// TestDiffLeavesFindings checks that -diff, with or without -fix, says
// which findings its patch does not fix and exits as they say (issue 16):
// a race no fix removes fails the gate even when there is no patch, and
// the patch on stdout stays clean for git apply.
func TestDiffLeavesFindings(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"-diff"}, {"-fix", "-diff"}} {
		dir := writeModule(t, map[string]string{"h/h.go": writeOnlySrc})
		r := credlint(t, dir, append(args, "./...")...)
		if r.code != exitFindings || r.stdout != "" || !strings.Contains(r.stderr, "1 finding has no fix and remains") ||
			!strings.Contains(r.stderr, `h/h.go:10:3: os.Setenv("MODE")`) {
			t.Errorf("%v on a write without a fix: want exit %d, no patch, and the write on stderr\n%s", args, exitFindings, r)
		}
	}
	dir := writeModule(t, map[string]string{"h/h.go": strings.Replace(writeOnlySrc, `		os.Setenv("MODE", r.URL.Path)`, `		_ = os.Getenv("API_TOKEN")
		os.Setenv("MODE", r.URL.Path)`, 1)})
	r := credlint(t, dir, "-diff", "./...")
	if r.code != exitFindings || !strings.Contains(r.stdout, "+\t\t_ = profileenv.Getenv(") ||
		!strings.Contains(r.stderr, "1 finding has no fix of its own, so it may remain after the fixes") || !strings.Contains(r.stderr, `h/h.go:11:3: os.Setenv("MODE")`) {
		t.Errorf("-diff on a fixable read and a write: want the patch on stdout and the write on stderr\n%s", r)
	}
}

// TestFixLeftAtFixedLines checks that after -fix in a module that does not
// require the shim (so the fixed code cannot be analysed again), the
// findings that remain are shown at their lines in the fixed file, not at
// those of before: the fix adds the shim's import above them.
func TestFixLeftAtFixedLines(t *testing.T) {
	t.Parallel()
	src := strings.Replace(writeOnlySrc, `		os.Setenv("MODE", r.URL.Path)`, `		_ = os.Getenv("API_TOKEN")
		os.Setenv("MODE", r.URL.Path)`, 1)
	dir := writeModule(t, map[string]string{"go.mod": "module example.com/m\n\ngo 1.26\n", "h/h.go": src})
	r := credlint(t, dir, "-fix", "./...")
	got, _ := os.ReadFile(filepath.Join(dir, "h", "h.go"))
	line := 1 + strings.Count(string(got[:strings.Index(string(got), `os.Setenv("MODE"`)]), "\n")
	if line == 11 {
		t.Fatalf("the fix did not move the write:\n%s", got)
	}
	want := fmt.Sprintf(`h/h.go:%d:3: os.Setenv("MODE")`, line)
	if r.code != exitFindings || !strings.Contains(r.stdout, want) {
		t.Errorf("-fix: want exit %d and %q\n%s\nfixed file:\n%s", exitFindings, want, r, got)
	}
}

// TestMirrorFixAfterContextReads is the second step of the migration the
// docs describe: once a library reads its key through profileenv (what
// credlint -context-reads -fix does), the swap-and-restore around the call
// into it is fixed too. Under go vet the library's summary reaches the
// handler's package as a fact, which must keep that the read goes through
// profileenv (issue 16).
func TestMirrorFixAfterContextReads(t *testing.T) {
	t.Parallel()
	shim, err := filepath.Abs(filepath.Join("..", "..", "profileenv"))
	if err != nil {
		t.Fatal(err)
	}
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.26.0\n\nrequire github.com/credlint/credlint/profileenv v0.0.0\n\nreplace github.com/credlint/credlint/profileenv => " + shim + "\n",
		"providers/providers.go": `package providers

import (
	"context"

	"github.com/credlint/credlint/profileenv"
)

func Status(ctx context.Context) bool { return profileenv.Getenv(ctx, "OPENAI_API_KEY") != "" }
`,
		"h/h.go": `package h

import (
	"net/http"
	"os"

	"example.com/m/providers"
)

func Register(mux *http.ServeMux) {
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		old := os.Getenv("OPENAI_API_KEY")
		os.Setenv("OPENAI_API_KEY", r.Header.Get("X-Key"))
		defer os.Setenv("OPENAI_API_KEY", old)
		_ = providers.Status(r.Context())
	})
}
`})
	r := credlint(t, dir, "-diff", "./...")
	if r.code != exitFindings || !strings.Contains(r.stdout, `+		_ = providers.Status(profileenv.Setenv(r.Context(), "OPENAI_API_KEY", r.Header.Get("X-Key")))`) {
		t.Errorf("-diff: want the mirror fix\n%s", r)
	}
}

// TestFixWithNothingToFix: when no finding has a fix (a handler that
// writes the variable it reads), -fix rewrites nothing, so it must not
// say it applied fixes or ask for the shim; it lists what remains and
// exits 3.
func TestFixWithNothingToFix(t *testing.T) {
	t.Parallel()
	src := `package h

import (
	"net/http"
	"os"
)

func Register(mux *http.ServeMux) {
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		os.Setenv("API_TOKEN", r.Header.Get("X-Token"))
		_ = os.Getenv("API_TOKEN")
	})
}
`
	dir := writeModule(t, map[string]string{"h/h.go": src})
	r := credlint(t, dir, "-fix", "./...")
	if r.code != exitFindings {
		t.Errorf("-fix: exit %d, want %d\n%s", r.code, exitFindings, r)
	}
	if strings.Contains(r.stderr, "applied the suggested fixes") || strings.Contains(r.stderr, "does not require yet") {
		t.Errorf("-fix claims fixes it did not apply:\n%s", r)
	}
	if !strings.Contains(r.stderr, "have no fix and remain") {
		t.Errorf("-fix does not say the findings remain:\n%s", r)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "h", "h.go")); string(got) != src {
		t.Errorf("-fix changed the file:\n%s", got)
	}
}
