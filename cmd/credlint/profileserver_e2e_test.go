package main

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/credlint/credlint/internal/slowtest"
)

// The end-to-end test of fixing examples/profileserver (issue #3): on a copy
// of the example made a module of its own, credlint's fixes plus the manual
// steps that the example's README lists make the program race-free, and the
// same two-profile test that shows the bleed on the racy program shows none.

// psExamplePath is the example's import path prefix in this repository; the
// copy is the module psCopyModule.
const (
	psExamplePath = "github.com/credlint/credlint/examples/profileserver"
	psCopyModule  = "example.com/profileserver"
)

// TestProfileserverFix copies examples/profileserver to a temporary module,
// checks that credlint finds the bug and that TestTwoProfilesConcurrently
// shows the bleed, runs `credlint -context-reads -fix ./...`, applies the
// README's manual steps (fix/*.patch, with git apply), and checks that the
// program builds, go vet and credlint report nothing, and the two-profile
// test passes under -race with PROFILESERVER_EXPECT=isolation. A second
// copy, fixed in the other order (patches first, then the tool), must end
// up with the same files. It is slow: it builds and runs the example
// under the race detector twice (minutes with a cold build cache).
func TestProfileserverFix(t *testing.T) {
	slowtest.Require(t, "fixes two copies of examples/profileserver and runs their tests under -race")
	t.Parallel()
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not found: the manual steps are applied with git apply")
	}
	example, err := filepath.Abs(filepath.Join("..", "..", "examples", "profileserver"))
	if err != nil {
		t.Fatal(err)
	}
	steps := psManualSteps(t, example)
	env := append(realEnv(), "GOFLAGS=-mod=mod")
	dir := psCopy(t, example)
	gitEnv := append(env[:len(env):len(env)], "GIT_CEILING_DIRECTORIES="+filepath.Dir(dir)) // never a checkout around the copy

	// The racy program: credlint reports the mirror and the reads through
	// providers, and the two-profile test, expecting the bleed, passes
	// under -race.
	r := runIn(t, dir, env, credlintBin, "-json", "./...")
	diags, errs := parseTree(t, r.stdout)
	if len(errs) > 0 || r.code != exitFindings {
		t.Fatalf("credlint on the racy copy: errors %v\n%s", errs, r)
	}
	checkProfileserver(t, "racy copy", diags)
	r = runIn(t, dir, env, "go", "test", "-race", "-count=1", "-v", "-run=^TestTwoProfilesConcurrently$", ".")
	if r.code != 0 || !strings.Contains(r.stdout, "--- PASS: TestTwoProfilesConcurrently") || !strings.Contains(r.stdout, "bleed: ") {
		t.Fatalf("the racy copy's two-profile test does not show the bleed:\n%s", r)
	}

	// The tool: it rewrites package providers only. The mirror's writes
	// remain (no profile is attached yet, so the reads it moved onto
	// profileenv still read the process environment), and -fix says so
	// and exits 3 (issue 16).
	before := psReadTree(t, dir)
	r = runIn(t, dir, env, credlintBin, "-context-reads", "-fix", "./...")
	if r.code != exitFindings || !strings.Contains(r.stdout, "os.Setenv(<dynamic name>)") {
		t.Fatalf("credlint -context-reads -fix: want exit %d and the mirror's writes that remain\n%s", exitFindings, r)
	}
	after := psReadTree(t, dir)
	if changed := psChangedFiles(before, after); !slices.Equal(changed, []string{"providers/providers.go"}) {
		t.Errorf("credlint -context-reads -fix changed %v; want providers/providers.go only", changed)
	}
	for _, want := range []string{`profileenv.Getenv(ctx, "MISTRAL_API_KEY")`, `lookup(ctx, "OPENAI_API_KEY")`, "func lookup(ctx context.Context, name string) string { return profileenv.Getenv(ctx, name) }"} {
		if !strings.Contains(after["providers/providers.go"], want) {
			t.Errorf("providers.go after the fix has no %s:\n%s", want, after["providers/providers.go"])
		}
	}

	// The manual steps, and nothing else.
	for _, p := range steps {
		if r := runIn(t, dir, gitEnv, git, "apply", p); r.code != 0 {
			t.Fatalf("git apply %s:\n%s", p, r)
		}
	}

	// The fixed program.
	if r := runIn(t, dir, env, "go", "build", "./..."); r.code != 0 {
		t.Fatalf("go build:\n%s", r)
	}
	if r := runIn(t, dir, env, "go", "vet", "./..."); r.code != 0 {
		t.Errorf("go vet:\n%s", r)
	}
	for _, args := range [][]string{{"-json", "./..."}, {"-context-reads", "-json", "./..."}} {
		r := runIn(t, dir, env, credlintBin, args...)
		diags, errs := parseTree(t, r.stdout)
		if len(errs) > 0 || len(diags) > 0 || r.code != exitOK {
			t.Errorf("credlint %s on the fixed copy: exit %d, errors %v, findings:\n%s", strings.Join(args, " "), r.code, errs, psDiagLines(diags))
		}
	}
	r = runIn(t, dir, append(env, "PROFILESERVER_EXPECT=isolation"), "go", "test", "-race", "-count=1", "-v", "./...")
	if r.code != 0 || !strings.Contains(r.stdout, "--- PASS: TestTwoProfilesConcurrently") || strings.Contains(r.stdout, "bleed: ") {
		t.Errorf("PROFILESERVER_EXPECT=isolation go test -race on the fixed copy:\n%s", r)
	}

	// The other order: the manual steps first, then the tool.
	dir2 := psCopy(t, example)
	gitEnv2 := append(env[:len(env):len(env)], "GIT_CEILING_DIRECTORIES="+filepath.Dir(dir2))
	for _, p := range steps {
		if r := runIn(t, dir2, gitEnv2, git, "apply", p); r.code != 0 {
			t.Fatalf("git apply %s before the tool:\n%s", p, r)
		}
	}
	if r := runIn(t, dir2, env, credlintBin, "-context-reads", "-fix", "./..."); r.code != exitOK {
		t.Fatalf("credlint -context-reads -fix after the manual steps:\n%s", r)
	}
	if changed := psChangedFiles(psReadTree(t, dir), psReadTree(t, dir2)); len(changed) > 0 {
		t.Errorf("manual steps first, then the tool: %v differ from the tool first, then the manual steps", changed)
	}
}

// psManualSteps returns the example's manual steps, fix/*.patch in name
// order, relative to the example, after checking that its README counts
// them ("**Manual steps: N.**") and names each one.
func psManualSteps(t *testing.T, example string) []string {
	t.Helper()
	patches, err := filepath.Glob(filepath.Join(example, "fix", "*.patch"))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(patches)
	readme, err := os.ReadFile(filepath.Join(example, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`\*\*Manual steps: (\d+)\.\*\*`).FindSubmatch(readme)
	if m == nil {
		t.Fatalf("examples/profileserver/README.md does not count its manual steps (**Manual steps: N.**)")
	}
	if n, _ := strconv.Atoi(string(m[1])); n != len(patches) {
		t.Errorf("examples/profileserver/README.md counts %d manual steps; fix/ has %d patches", n, len(patches))
	}
	var steps []string
	for _, p := range patches {
		rel := "fix/" + filepath.Base(p)
		if !bytes.Contains(readme, []byte(rel)) {
			t.Errorf("examples/profileserver/README.md does not list the manual step %s", rel)
		}
		steps = append(steps, rel)
	}
	return steps
}

// psCopy copies the example into a new temporary directory as the
// module psCopyModule, with its import paths (patches included) rewritten,
// and returns the directory. The module requires godotenv, with the root
// module's go.sum lines, and profileenv, replaced by this checkout's.
func psCopy(t *testing.T, example string) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	shim, err := filepath.Abs(filepath.Join("..", "..", "profileenv"))
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(example, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, _ := filepath.Rel(example, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		data = bytes.ReplaceAll(data, []byte(psExamplePath), []byte(psCopyModule))
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join("..", "..", "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	var sums []string
	for _, line := range strings.Split(string(sum), "\n") {
		if strings.HasPrefix(line, "github.com/joho/godotenv v1.5.1") {
			sums = append(sums, line)
		}
	}
	if len(sums) != 2 {
		t.Fatalf("go.sum has %d lines for github.com/joho/godotenv v1.5.1; want 2", len(sums))
	}
	gomod := "module " + psCopyModule + "\n\ngo 1.26.0\n\nrequire (\n" +
		"\tgithub.com/credlint/credlint/profileenv v0.0.0\n" +
		"\tgithub.com/joho/godotenv v1.5.1\n)\n\n" +
		"replace github.com/credlint/credlint/profileenv => " + filepath.ToSlash(shim) + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), []byte(strings.Join(sums, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// psReadTree returns the regular files under dir, by slash-separated path.
func psReadTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// psChangedFiles returns the sorted paths that differ between a and b, or
// are in only one of them.
func psChangedFiles(a, b map[string]string) []string {
	var changed []string
	for _, p := range slices.Sorted(maps.Keys(a)) {
		if v, ok := b[p]; !ok || v != a[p] {
			changed = append(changed, p)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(b)) {
		if _, ok := a[p]; !ok {
			changed = append(changed, p)
		}
	}
	slices.Sort(changed)
	return changed
}

func psDiagLines(diags []vetDiagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Posn + ": " + d.Message + " [" + d.Category + "]\n")
		for _, r := range d.Related {
			b.WriteString("    " + r.Posn + ": " + r.Message + "\n")
		}
	}
	return b.String()
}
