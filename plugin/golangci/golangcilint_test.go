package golangci_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
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
	"time"

	"github.com/credlint/credlint/internal/workspace"
)

// TestGolangciLint is the integration test of the plugin (issue #5): it
// builds a custom golangci-lint with the plugin the way `golangci-lint
// custom` does, offline (scripts/build-golangci.sh), and runs it with the
// repository's .golangci-plugin.yml. It is slow (several minutes the first
// time, to build golangci-lint; the binary is then cached), so it runs only
// with CREDLINT_GOLANGCI=1, which CI sets:
//
//	CREDLINT_GOLANGCI=1 go test -count=1 -timeout=40m -run=TestGolangciLint ./plugin/golangci
//
// The golangci-lint runs are not parallel: golangci-lint uses every core and
// refuses to run beside another instance.
func TestGolangciLint(t *testing.T) {
	if os.Getenv("CREDLINT_GOLANGCI") != "1" {
		t.Skip("slow: builds a custom golangci-lint with the credlint plugin (minutes on a cold cache); " +
			"set CREDLINT_GOLANGCI=1 to run it")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	g := &gcl{
		bin:    buildGolangciLint(t, root),
		cfg:    filepath.Join(root, ".golangci-plugin.yml"),
		cache:  t.TempDir(),
		config: readFile(t, filepath.Join(root, ".golangci-plugin.yml")),
	}
	credlint := buildCredlint(t, root)

	t.Run("profileserver", func(t *testing.T) {
		r := g.run(t, root, g.cfg, "./examples/profileserver/...")
		r.wantFindings(t)
		noDuplicateIssues(t, r)
		sameAsStandalone(t, r, runCredlint(t, credlint, root, "./examples/profileserver/..."))
		// The cross-package findings, with the witness in the message, since
		// golangci-lint shows Related entries as separate issues. (The exact
		// wording is sameAsStandalone's business.)
		for _, want := range [][]string{
			{`"OPENAI_API_KEY"`, "HTTP handler (*server).handleProviders",
				": handleProviders calls providers.Status, which eventually calls os.Getenv"},
			{`"OPENAI_API_KEY"`, "goroutine (*server).rebuildModels",
				": rebuildModels calls providers.Models, which eventually calls os.Getenv"},
		} {
			f := r.find(want...)
			if f == nil {
				t.Errorf("no finding with %q", want)
				continue
			}
			if !r.hasRelated(f, "os.Getenv called here at github.com/credlint/credlint/examples/profileserver/providers/providers.go:") {
				t.Errorf("%s: no related-information issue naming the os.Getenv in providers.go", f)
			}
		}
		if r.find("os.Setenv(", "withProfileEnv") == nil {
			t.Error("no finding for the os.Setenv in withProfileEnv")
		}
	})

	t.Run("realdeps", func(t *testing.T) {
		// Its own module: run in its directory, with our configuration.
		// Its SDK reads with nothing writing them are the process's one
		// identity, advice (cred-read-shared), which the // want: lines of
		// its main.go expect, as TestRealdeps does.
		dir := filepath.Join(root, "testdata", "realdeps")
		cfg := g.configWith(t, "rules: [cred-read-shared]")
		r := g.run(t, dir, cfg, "./...")
		r.wantFindings(t)
		noDuplicateIssues(t, r)
		sameAsStandalone(t, r, runCredlint(t, credlint, dir, "./...", "-rules=cred-read-shared"))
		checkRealdeps(t, r, filepath.Join(dir, "main.go"))
		// The configuration lives two directories up: paths are still
		// relative to where golangci-lint runs (relative-path-mode: wd),
		// not "../../main.go".
		for _, is := range g.runPaths(t, dir, cfg, nil, "./...").issues {
			if strings.HasPrefix(is.Pos.Filename, "..") || filepath.IsAbs(is.Pos.Filename) {
				t.Errorf("issue path %q is not relative to the working directory", is.Pos.Filename)
			}
		}
	})

	t.Run("settings change the result", func(t *testing.T) {
		mod := copyFixture(t, root)
		const (
			myco = `os.Getenv("MYCO_THING")`     // mycothing: not a credential by default
			ctx  = `os.Getenv("OPENAI_API_KEY")` // ctxread: a read with a context at hand
		)
		for _, tc := range []struct {
			name, settings, pkg, finding string
			want                         bool
		}{
			{"defaults", "", "mycothing", myco, false},
			{"cred-keys as a YAML list", "cred-keys: [MYCO_THING]", "mycothing", myco, true},
			{"cred-keys as a comma-separated string", `cred-keys: "OTHER_THING, MYCO_THING"`, "mycothing", myco, true},
			{"exclude-pkgs", "cred-keys: [MYCO_THING]\nexclude-pkgs: [example.com/plugintest/mycothing]", "mycothing", myco, false},
			{"not-cred-keys wins", "cred-keys: [MYCO_THING]\nnot-cred-keys: [MYCO_*]", "mycothing", myco, false},
			{"context-reads off", "", "ctxread", ctx, false},
			{"context-reads on", "context-reads: true", "ctxread", ctx, true},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := g.run(t, mod, g.configWith(t, tc.settings), "./"+tc.pkg+"/...")
				if r.code > 1 {
					t.Fatalf("settings %q:\n%s", tc.settings, r)
				}
				if f := r.find(tc.finding); (f != nil) != tc.want {
					t.Errorf("settings %q: a finding on %s = %v, want %v\n%s", tc.settings, tc.finding, f != nil, tc.want, r)
				}
			})
		}
	})

	t.Run("bad settings", func(t *testing.T) {
		mod := copyFixture(t, root)
		for _, tc := range []struct{ settings, want string }{
			{"cred-key: [MYCO_THING]", `unknown credlint setting "cred-key" (known: context-reads, cred-keys, exclude-pkgs, not-cred-keys, rules)`},
			{"cred-keys: 5", `credlint setting "cred-keys": want a list of strings or a comma-separated string, got a number`},
			{"cred-keys: [MYCO_THING, true]", `credlint setting "cred-keys": want a list of strings or a comma-separated string, got a list holding a boolean`},
			{`cred-keys: ["[A-Z"]`, `credlint setting "cred-keys": bad entry "[A-Z": syntax error in pattern`},
			{"context-reads: 1", `credlint setting "context-reads": want true or false, got a number`},
			{"exclude-pkgs: [./gen/...]", `credlint setting "exclude-pkgs": bad entry "./gen/..."`},
		} {
			t.Run(tc.settings, func(t *testing.T) {
				r := g.run(t, mod, g.configWith(t, tc.settings), "./mycothing/...")
				if r.code == 0 || r.code == 1 || !strings.Contains(r.stderr, tc.want) {
					t.Errorf("settings %q: exit %d, want a failure with %q on stderr\n%s", tc.settings, r.code, tc.want, r)
				}
			})
		}
	})

	t.Run("suppression", func(t *testing.T) {
		r := g.run(t, copyFixture(t, root), g.cfg, "./suppress/...")
		for _, is := range r.issues {
			if !is.related() {
				t.Errorf("suppressed finding reported: %s", is)
			}
			// //credlint:ignore drops the finding with its whole path;
			// //nolint only drops the issues on its own line.
			if src := is.source(); strings.Contains(src, "handleB") || strings.Contains(src, "GITLAB_TOKEN") {
				t.Errorf("hop of a //credlint:ignore'd finding reported: %s", is)
			}
		}
	})

	t.Run("fix", func(t *testing.T) {
		mod := copyFixture(t, root)
		r := g.run(t, mod, g.cfg, "./...")
		var fixable []*issue
		for _, is := range r.issues {
			if len(is.SuggestedFixes) > 0 {
				fixable = append(fixable, is)
			}
		}
		if len(fixable) == 0 {
			t.Skip("credlint offers no suggested fix on testdata/mod (the analyzer has no fixes yet), " +
				"so golangci-lint --fix has nothing to apply; this test checks --fix once it does")
		}
		want := applyFixes(t, fixable)
		g.run(t, mod, g.cfg, "--fix", "./...")
		for file, content := range want {
			if got := readFile(t, file); got != content {
				t.Errorf("%s after --fix:\n%s\nwant (credlint's suggested edits applied):\n%s", file, got, content)
			}
		}
		for _, is := range g.run(t, mod, g.cfg, "./...").issues {
			if len(is.SuggestedFixes) > 0 {
				t.Errorf("still fixable after --fix: %s", is)
			}
		}
		if out, err := goCmd(mod, "build", "./...").CombinedOutput(); err != nil {
			t.Errorf("the fixed fixture does not build: %v\n%s", err, out)
		}
	})
}

// buildGolangciLint runs scripts/build-golangci.sh, which prints the path
// of the (cached) binary.
func buildGolangciLint(t *testing.T, root string) string {
	t.Helper()
	start := time.Now()
	cmd := exec.Command("bash", filepath.Join(root, "scripts", "build-golangci.sh"))
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("scripts/build-golangci.sh: %v\n%s", err, lastLines(stderr.String(), 40))
	}
	bin := strings.TrimSpace(string(out))
	t.Logf("golangci-lint: %s (%s)", bin, time.Since(start).Round(time.Second))
	return bin
}

func buildCredlint(t *testing.T, root string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "credlint")
	if out, err := goCmd(root, "build", "-o", bin, "./cmd/credlint").CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/credlint: %v\n%s", err, out)
	}
	return bin
}

func goCmd(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), workspace.GoworkEnv(dir))
	return cmd
}

// copyFixture copies testdata/mod, a module of its own, to a temporary
// directory, so that --fix may change it. Its go.mod gets credlint's other
// modules from this checkout (the go.work's, such as ./profileenv), in
// case a fix imports them.
func copyFixture(t *testing.T, root string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(filepath.Join("testdata", "mod"))); err != nil {
		t.Fatal(err)
	}
	uses, err := workspace.Uses(filepath.Join(root, "go.work"))
	if err != nil {
		t.Fatal(err)
	}
	var edits []string
	for _, m := range uses {
		if m.Dir != root {
			edits = append(edits, "-require="+m.Path+"@v0.0.0", "-replace="+m.Path+"="+m.Dir)
		}
	}
	if len(edits) > 0 {
		if out, err := goCmd(dst, append([]string{"mod", "edit"}, edits...)...).CombinedOutput(); err != nil {
			t.Fatalf("go mod edit: %v\n%s", err, out)
		}
	}
	return dst
}

// gcl runs the custom golangci-lint.
type gcl struct {
	bin    string
	cfg    string // .golangci-plugin.yml
	config string // its text
	cache  string // GOLANGCI_LINT_CACHE, shared by the runs of one test
}

// configWith writes .golangci-plugin.yml with its settings block changed:
// each "key: value" line of settings replaces the line of that key, or,
// for a key the file does not have, is added.
func (g *gcl) configWith(t *testing.T, settings string) string {
	t.Helper()
	text := g.config
	for line := range strings.SplitSeq(settings, "\n") {
		if line == "" {
			continue
		}
		key, _, _ := strings.Cut(line, ":")
		re := regexp.MustCompile(`(?m)^          ` + regexp.QuoteMeta(key) + `: .*$`)
		if re.MatchString(text) {
			text = re.ReplaceAllLiteralString(text, "          "+line)
			continue
		}
		anchor := regexp.MustCompile(`(?m)^          cred-keys: .*$`)
		text = anchor.ReplaceAllStringFunc(text, func(s string) string { return "          " + line + "\n" + s })
	}
	if text == g.config && settings != "" {
		t.Fatalf("settings %q did not change .golangci-plugin.yml", settings)
	}
	cfg := filepath.Join(t.TempDir(), ".golangci.yml")
	if err := os.WriteFile(cfg, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfg
}

type result struct {
	code           int
	stdout, stderr string
	issues         []*issue
}

func (r *result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, lastLines(r.stdout, 40), lastLines(r.stderr, 40))
}

// issue is golangci-lint's JSON issue (pkg/result.Issue).
type issue struct {
	FromLinter     string
	Text           string
	SourceLines    []string
	SuggestedFixes []struct {
		Message   string
		TextEdits []struct {
			Pos, End int // byte offsets in the file
			NewText  []byte
		}
	}
	Pos struct {
		Filename             string
		Offset, Line, Column int
	}
}

func (is *issue) String() string {
	return fmt.Sprintf("%s:%d:%d: %s (%s)", is.Pos.Filename, is.Pos.Line, is.Pos.Column, is.Text, is.FromLinter)
}

const relatedPrefix = "credlint(related information): "

func (is *issue) related() bool { return strings.HasPrefix(is.Text, relatedPrefix) }

func (is *issue) source() string { return strings.Join(is.SourceLines, "\n") }

func (g *gcl) run(t *testing.T, dir, cfg string, args ...string) *result {
	t.Helper()
	return g.runPaths(t, dir, cfg, []string{"--path-mode=abs"}, args...)
}

// runPaths is run with the given path flags instead of --path-mode=abs.
func (g *gcl) runPaths(t *testing.T, dir, cfg string, pathFlags []string, args ...string) *result {
	t.Helper()
	args = append(append([]string{"run", "--config", cfg, "--allow-serial-runners",
		"--output.json.path=stdout", "--show-stats=false"}, pathFlags...), args...)
	cmd := exec.Command(g.bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+g.cache, workspace.GoworkEnv(dir))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := &result{stdout: stdout.String(), stderr: stderr.String()}
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("golangci-lint %s: %v", strings.Join(args, " "), err)
	}
	if r.code == 0 || r.code == 1 { // 1: issues found
		var out struct{ Issues []*issue }
		if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
			t.Fatalf("golangci-lint %s: output is not JSON: %v\n%s", strings.Join(args, " "), err, r)
		}
		r.issues = out.Issues
		for _, is := range r.issues {
			if is.FromLinter != "credlint" {
				t.Errorf("issue from another linter: %s", is)
			}
		}
	}
	return r
}

// wantFindings checks that golangci-lint exited with findings and that no
// finding is shown twice (once per test variant of a package, say).
func (r *result) wantFindings(t *testing.T) {
	t.Helper()
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 (issues found)\n%s", r.code, r)
	}
	seen := map[string]bool{}
	for _, is := range r.issues {
		if !is.related() {
			if seen[is.String()] {
				t.Errorf("finding shown twice: %s", is)
			}
			seen[is.String()] = true
		}
	}
}

// find returns the first finding (not a related-information issue) whose
// text contains every one of subs.
func (r *result) find(subs ...string) *issue {
	for _, is := range r.issues {
		if !is.related() && !slices.ContainsFunc(subs, func(s string) bool { return !strings.Contains(is.Text, s) }) {
			return is
		}
	}
	return nil
}

// hasRelated reports whether a related-information issue with text prefix
// sits at f's position: golangci-lint moves hops in other files there.
func (r *result) hasRelated(f *issue, prefix string) bool {
	for _, is := range r.issues {
		if is.related() && is.Pos.Filename == f.Pos.Filename && is.Pos.Line == f.Pos.Line &&
			strings.HasPrefix(strings.TrimPrefix(is.Text, relatedPrefix), prefix) {
			return true
		}
	}
	return false
}

// vetDiagnostic is a diagnostic of credlint -json (go vet's JSON tree).
type vetDiagnostic struct {
	Posn, Message string
	Related       []struct{ Posn, Message string }
}

// runCredlint runs standalone credlint -json on its in-process engine,
// which analyses every package in one process as golangci-lint does (the
// go vet engine's per-package analysis differs from it in a few places
// that docs/performance.md lists, realdeps among them).
func runCredlint(t *testing.T, bin, dir string, pattern string, flags ...string) []vetDiagnostic {
	t.Helper()
	cmd := exec.Command(bin, append(append([]string{"-engine=process", "-json"}, flags...), pattern)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), workspace.GoworkEnv(dir))
	out, err := cmd.Output()
	if ee, ok := errors.AsType[*exec.ExitError](err); err != nil && (!ok || ee.ExitCode() != 3) {
		t.Fatalf("credlint -json %s: %v\n%s", pattern, err, out)
	}
	var diags []vetDiagnostic
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var tree map[string]map[string][]vetDiagnostic
		if err := dec.Decode(&tree); err != nil {
			t.Fatalf("credlint -json: %v\n%s", err, out)
		}
		for _, byAnalyzer := range tree {
			for _, list := range byAnalyzer {
				diags = append(diags, list...)
			}
		}
	}
	return diags
}

// sameAsStandalone checks that golangci-lint shows what credlint shows
// standalone: the same findings, and each hop of their paths as a
// related-information issue, at the hop or, for a hop in another file,
// where golangci-lint moves it, at the finding.
// noDuplicateIssues fails on two issues with the same place and text:
// golangci-lint once showed "HTTP handler registered here" four times on
// one line, once per finding of the handler.
func noDuplicateIssues(t *testing.T, r *result) {
	t.Helper()
	seen := map[string]bool{}
	for _, is := range r.issues {
		k := fmt.Sprintf("%s:%d:%d: %s", is.Pos.Filename, is.Pos.Line, is.Pos.Column, is.Text)
		if seen[k] {
			t.Errorf("duplicate issue: %s", k)
		}
		seen[k] = true
	}
}

func sameAsStandalone(t *testing.T, r *result, diags []vetDiagnostic) {
	t.Helper()
	want := map[string]bool{}
	for _, d := range diags {
		file, line, col := splitPosn(t, d.Posn)
		want[fmt.Sprintf("%s:%d:%d: %s", file, line, col, d.Message)] = true
		for _, rel := range d.Related {
			rf, rl, rc := splitPosn(t, rel.Posn)
			if rf != file {
				rl, rc = line, col
			}
			want[fmt.Sprintf("%s:%d:%d: %s%s", file, rl, rc, relatedPrefix, rel.Message)] = true
		}
	}
	got := map[string]bool{}
	for _, is := range r.issues {
		got[fmt.Sprintf("%s:%d:%d: %s", is.Pos.Filename, is.Pos.Line, is.Pos.Column, is.Text)] = true
	}
	if len(want) == 0 {
		t.Fatal("credlint standalone reported nothing")
	}
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if !got[k] {
			t.Errorf("credlint standalone shows, golangci-lint does not: %s", k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(got)) {
		if !want[k] {
			t.Errorf("golangci-lint shows, credlint standalone does not: %s", k)
		}
	}
}

var posnRE = regexp.MustCompile(`^(.*):(\d+):(\d+)$`)

func splitPosn(t *testing.T, posn string) (string, int, int) {
	t.Helper()
	m := posnRE.FindStringSubmatch(posn)
	if m == nil {
		t.Fatalf("bad position %q", posn)
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	return m[1], line, col
}

// checkRealdeps checks the annotations of testdata/realdeps/main.go: each
// "// want:" line has a finding whose message names the SDK constructor
// and ends its witness in the standard library read inside the SDK; each
// "// ok:" line has none.
func checkRealdeps(t *testing.T, r *result, file string) {
	t.Helper()
	sdk := map[string]string{
		"config.LoadDefaultConfig": "os.Getenv called here at github.com/aws/aws-sdk-go-v2/config/",
		"openai.NewClient":         "os.LookupEnv called here at github.com/openai/openai-go/v3/",
	}
	wants := 0
	for n, text := range strings.Split(readFile(t, file), "\n") {
		line := n + 1
		var at []*issue
		for _, is := range r.issues {
			if is.Pos.Filename == file && is.Pos.Line == line && !is.related() {
				at = append(at, is)
			}
		}
		switch {
		case strings.Contains(text, "// ok:"):
			for _, is := range at {
				t.Errorf("main.go:%d: unexpected finding: %s", line, is)
			}
		case strings.Contains(text, "// want:"):
			wants++
			ok := false
			for fn, hop := range sdk {
				for _, is := range at {
					if strings.Contains(text, fn) && strings.Contains(is.Text, "calls "+fn+", which eventually calls os.") &&
						r.hasRelated(is, hop) {
						ok = true
					}
				}
			}
			if !ok {
				t.Errorf("main.go:%d: no finding through the SDK with its witness for %s\ngot %v", line, strings.TrimSpace(text), at)
			}
		}
	}
	if wants == 0 {
		t.Fatal("testdata/realdeps/main.go has no // want: lines")
	}
}

// applyFixes applies the suggested edits of the issues the way golangci-lint
// --fix does (all of them, duplicates once) and returns the expected files.
// golangci-lint applies every suggested fix of a diagnostic, so credlint
// must not offer alternatives that overlap.
func applyFixes(t *testing.T, issues []*issue) map[string]string {
	t.Helper()
	type edit struct {
		pos, end int
		text     string
	}
	byFile := map[string][]edit{}
	for _, is := range issues {
		if len(is.SuggestedFixes) > 1 {
			t.Errorf("%s: %d alternative fixes; golangci-lint --fix applies all of them", is, len(is.SuggestedFixes))
		}
		for _, sf := range is.SuggestedFixes {
			for _, e := range sf.TextEdits {
				byFile[is.Pos.Filename] = append(byFile[is.Pos.Filename], edit{e.Pos, e.End, string(e.NewText)})
			}
		}
	}
	want := map[string]string{}
	for file, edits := range byFile {
		slices.SortFunc(edits, func(a, b edit) int {
			return cmp.Or(cmp.Compare(a.pos, b.pos), cmp.Compare(a.end, b.end), strings.Compare(a.text, b.text))
		})
		edits = slices.Compact(edits)
		src := readFile(t, file)
		var b strings.Builder
		last := 0
		for _, e := range edits {
			if e.pos < last {
				t.Fatalf("%s: overlapping suggested edits at offset %d", file, e.pos)
			}
			b.WriteString(src[last:e.pos])
			b.WriteString(e.text)
			last = e.end
		}
		b.WriteString(src[last:])
		want[file] = b.String()
	}
	return want
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("%s does not exist", name)
	} else if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{"..."}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}
