package program_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/cmd/credlint/internal/output"
	"github.com/credlint/credlint/cmd/credlint/internal/program"
	"github.com/credlint/credlint/passes/config"
	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// analyse writes files to a new module example.com/fp and returns the
// whole-program findings of its packages, as standalone credlint computes
// them.
func analyse(t *testing.T, files map[string]string) []output.Finding {
	t.Helper()
	p, _ := analyseProgram(t, files)
	return p.Findings()
}

// tableOf lists pkgs and their dependencies as a driver's go list does:
// plain packages before test variants.
func tableOf(pkgs []*packages.Package) *program.Table {
	t := &program.Table{}
	var variants []program.TablePackage
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		tp := program.TablePackage{ID: p.ID, PkgPath: p.PkgPath, ForTest: p.ForTest, Files: p.CompiledGoFiles}
		switch {
		case p.Module == nil:
			tp.Origin = output.OriginStdlib
		case p.Module.Main:
			tp.Origin = output.OriginUser
		default:
			tp.Origin = output.OriginThirdParty
		}
		if p.ForTest != "" {
			variants = append(variants, tp)
		} else {
			t.Packages = append(t.Packages, tp)
		}
	})
	t.Packages = append(t.Packages, variants...)
	return t
}

// analyseProgram writes files to a new module example.com/fp, analyses
// its packages as standalone credlint does, and returns the program and
// its directory.
func analyseProgram(t *testing.T, files map[string]string) (*program.Program, string) {
	t.Helper()
	return analyseModule(t, files, false)
}

// analyseModule is analyseProgram, with the packages' tests when tests is
// set.
func analyseModule(t *testing.T, files map[string]string, tests bool) (*program.Program, string) {
	t.Helper()
	dir := t.TempDir()
	if _, ok := files["go.mod"]; !ok {
		files["go.mod"] = "module example.com/fp\n\ngo 1.26\n"
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Dir:   dir,
		Env:   append(os.Environ(), "GOFLAGS=", "GOWORK=off", "GOPROXY=off"),
		Tests: tests,
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("packages do not load")
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer, roots.Analyzer, envaccess.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	units, failed := program.Units(graph, analyzer.Analyzer)
	if len(failed) > 0 {
		t.Fatalf("analysis failed: %v", failed[0].Err)
	}
	p := program.New(pkgs, units, config.Current())
	// Under go vet, each unit resolves the paths through other packages
	// from their syntax alone: with no types at all, the findings must be
	// the same.
	syntaxOnly := program.FromTable(tableOf(pkgs), pkgs[0].Fset, nil, units, config.Current())
	if got, want := syntaxOnly.Findings(), p.Findings(); !reflect.DeepEqual(got, want) {
		t.Errorf("findings from syntax alone differ:\n got %+v\nwant %+v", got, want)
	}
	return p, dir
}

// lib has a helper that reads a credential through a parameter, and app
// reaches it from a goroutine; app also writes the environment in another
// goroutine and calls os.UserHomeDir, which reads HOME (a sink of its
// own, called in app). Nothing writes the credentials, so their reads are
// cred-read-shared advice, which the tests that use these files turn on
// (shareRules).
const (
	libGo = `package lib

import "os"

// Token returns the API token.
func Token() string { return lookup("API_TOKEN") }

func lookup(name string) string { return os.Getenv(name) }
`
	appGo = `package app

import (
	"os"

	"example.com/fp/lib"
)

func Start() {
	go worker()
	go func() {
		os.Setenv("REGION", "x")
	}()
	go home()
}

func worker() {
	_ = lib.Token()
}

func home() {
	_, _ = os.UserHomeDir()
}
`
	// srvGo is a second root package that reaches lib.Token.
	srvGo = `package srv

import "example.com/fp/lib"

func Serve() {
	go func() { _ = lib.Token() }()
}
`
)

func find(t *testing.T, fs []output.Finding, rule, file string) output.Finding {
	t.Helper()
	for _, f := range fs {
		if f.Category == rule && strings.HasSuffix(filepath.ToSlash(f.Posn.Filename), file) {
			return f
		}
	}
	t.Fatalf("no %s finding in %s among:\n%s", rule, file, dump(fs))
	return output.Finding{}
}

func dump(fs []output.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Posn.String() + ": " + f.Message + " [" + f.Category + "]\n")
		for _, w := range f.Witnesses {
			for _, fr := range w.Frames {
				b.WriteString("    " + fr.Posn.String() + ": " + fr.Message + " (" + string(fr.Origin) + ")\n")
			}
		}
	}
	return b.String()
}

// TestWholeProgram checks the placement: an access in the module is
// reported once, at the access, with one witness per root from both root
// packages; an access in the standard library is reported where the path
// leaves the module, with the whole path down to the library's os.Getenv.
func TestWholeProgram(t *testing.T) {
	shareRules(t)
	fs := analyse(t, map[string]string{"lib/lib.go": libGo, "app/app.go": appGo, "srv/srv.go": srvGo})

	read := find(t, fs, analyzer.RuleSharedRead, "lib/lib.go")
	if read.Posn.Line != 8 || read.Posn.Column != 42 || read.End.Column != 57 {
		t.Errorf("read reported at %v-%v, want lib.go:8:42-57 (the os.Getenv call)", read.Posn, read.End)
	}
	var pkgs []string
	for _, w := range read.Witnesses {
		pkgs = append(pkgs, w.Root.Package)
		last := w.Frames[len(w.Frames)-1]
		if last.Posn.Line != 8 || last.Function != "os.Getenv" || w.Holder != "lib.lookup" || !slices.Equal(w.Keys, []string{"API_TOKEN"}) {
			t.Errorf("witness from %s: holder %s, keys %v, last frame %+v", w.Root, w.Holder, w.Keys, last)
		}
	}
	if !slices.Equal(pkgs, []string{"example.com/fp/app", "example.com/fp/srv"}) {
		t.Errorf("roots from %v, want app and srv\n%s", pkgs, dump(fs))
	}
	if !strings.Contains(read.Message, "and 1 other root") {
		t.Errorf("message does not count the other root: %s", read.Message)
	}

	home := find(t, fs, analyzer.RuleSharedRead, "app/app.go")
	w := home.Witnesses[0]
	last := w.Frames[len(w.Frames)-1]
	if home.Posn.Line != 22 || last.Origin != output.OriginUser || last.Function != "os.UserHomeDir" || w.Holder != "app.home" {
		t.Errorf("HOME read: at %v, last frame %+v, holder %s\n%s", home.Posn, last, w.Holder, dump(fs))
	}

	for _, f := range fs {
		if f.Fingerprint == "" || len(f.Witnesses) == 0 {
			t.Errorf("finding without fingerprint or witness: %+v", f)
		}
	}
}

// TestStdlibFrame checks that a witness ending inside the standard
// library resolves that frame to a file and column: (*exec.Cmd).Environ
// copies os.Environ() inside os/exec.
func TestStdlibFrame(t *testing.T) {
	t.Parallel()
	fs := analyse(t, map[string]string{"app/app.go": `package app

import (
	"os"
	"os/exec"
)

func Start() {
	go func() { os.Setenv("REGION", "x") }()
	go func() { _ = exec.Command("true").Environ() }()
}
`})
	f := find(t, fs, analyzer.RuleCredRead, "app/app.go")
	last := f.Witnesses[0].Frames[len(f.Witnesses[0].Frames)-1]
	if last.Origin != output.OriginStdlib || last.Function != "os.Environ" {
		t.Errorf("last frame %+v, want os.Environ in the standard library\n%s", last, dump(fs))
	}
	if _, err := os.Stat(last.Posn.Filename); err != nil || last.Posn.Column == 0 {
		t.Errorf("standard library frame not resolved to a file and column: %+v", last.Posn)
	}
}

// fingerprints returns the witness fingerprints of fs by rule and root.
func fingerprints(fs []output.Finding) map[string]string {
	out := map[string]string{}
	for _, f := range fs {
		for _, w := range f.Witnesses {
			out[f.Category+" "+w.Root.String()+" "+strings.Join(w.Keys, ",")] = w.Fingerprint
		}
	}
	return out
}

// TestFingerprints checks what changes a fingerprint: not lines moving
// (inserted above, deleted above), but renaming the root or the key; and
// that a new root reaching an old access, from another file, is a new
// fingerprint although the accessing line did not change.
func TestFingerprints(t *testing.T) {
	shareRules(t)
	base := fingerprints(analyse(t, map[string]string{"lib/lib.go": libGo, "app/app.go": appGo}))
	if len(base) != 3 {
		t.Fatalf("want 3 witnesses (read via lib, write, HOME), got %v", base)
	}

	t.Run("lines moved", func(t *testing.T) {
		t.Parallel()
		moved := fingerprints(analyse(t, map[string]string{
			"lib/lib.go": strings.Replace(libGo, "import \"os\"\n", "import \"os\"\n\n// Lines\n// added\n// above.\n", 1),
			"app/app.go": strings.Replace(strings.Replace(appGo, "func Start() {", "// Start starts.\nfunc Start() {\n\n", 1), "\t\"os\"\n\n", "\t\"os\"\n", 1),
		}))
		if !equalMaps(moved, base) {
			t.Errorf("fingerprints changed when lines moved:\nbefore %v\nafter  %v", base, moved)
		}
	})
	t.Run("root renamed", func(t *testing.T) {
		t.Parallel()
		renamed := fingerprints(analyse(t, map[string]string{
			"lib/lib.go": libGo, "app/app.go": strings.ReplaceAll(appGo, "worker", "poller"),
		}))
		if renamed["cred-read-shared goroutine poller API_TOKEN"] == "" ||
			renamed["cred-read-shared goroutine poller API_TOKEN"] == base["cred-read-shared goroutine worker API_TOKEN"] {
			t.Errorf("renaming the root kept the fingerprint:\nbefore %v\nafter  %v", base, renamed)
		}
		if n := countSame(base, renamed); n != 2 {
			t.Errorf("renaming one root changed %d other fingerprints", 2-n)
		}
	})
	t.Run("key renamed", func(t *testing.T) {
		t.Parallel()
		renamed := fingerprints(analyse(t, map[string]string{
			"lib/lib.go": strings.ReplaceAll(libGo, "API_TOKEN", "API_SECRET"), "app/app.go": appGo,
		}))
		if renamed["cred-read-shared goroutine worker API_SECRET"] == "" ||
			slices.Contains(valuesOf(base), renamed["cred-read-shared goroutine worker API_SECRET"]) {
			t.Errorf("renaming the key kept the fingerprint:\nbefore %v\nafter  %v", base, renamed)
		}
	})
	t.Run("new edge in another file", func(t *testing.T) {
		t.Parallel()
		fs := analyse(t, map[string]string{
			"lib/lib.go": libGo, "app/app.go": appGo,
			"app/poll.go": "package app\n\nimport \"example.com/fp/lib\"\n\nfunc Poll() {\n\tgo func() { _ = lib.Token() }()\n}\n",
		})
		grown := fingerprints(fs)
		if len(grown) != 4 || countSame(base, grown) != 3 {
			t.Errorf("want the 3 old fingerprints and 1 new:\nbefore %v\nafter  %v", base, grown)
		}
		if f := find(t, fs, analyzer.RuleSharedRead, "lib/lib.go"); f.Posn.Line != 8 || len(f.Witnesses) != 2 {
			t.Errorf("the new root should join the finding at the unchanged access lib.go:8:\n%s", dump(fs))
		}
	})
}

// shareRules turns on cred-read-shared for one test (and its subtests),
// which therefore does not call t.Parallel: top-level parallel tests only
// start after it ends.
func shareRules(t *testing.T) {
	t.Helper()
	f := config.Analyzer.Flags.Lookup(config.FlagRules)
	if err := f.Value.Set(analyzer.RuleSharedRead); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set("") })
}

func equalMaps(a, b map[string]string) bool {
	return len(a) == len(b) && countSame(a, b) == len(a)
}

// countSame counts the fingerprints of a that b also has.
func countSame(a, b map[string]string) int {
	n := 0
	for _, fp := range a {
		if slices.Contains(valuesOf(b), fp) {
			n++
		}
	}
	return n
}

func valuesOf(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// TestFingerprintsStatementOrder checks that a fingerprint does not depend
// on the order of statements: inserting another write of the same
// variable before, between or after existing ones keeps each old
// statement's fingerprint. True duplicates (the same text twice) are
// numbered in file order, which the package doc states.
func TestFingerprintsStatementOrder(t *testing.T) {
	t.Parallel()
	// writes analyses a goroutine made of stmts (one a line, from line 7)
	// and returns the fingerprint of each statement's write finding.
	writes := func(stmts ...string) []string {
		body := ""
		for _, s := range stmts {
			body += "\t\t" + s + "\n"
		}
		fs := analyse(t, map[string]string{"app/app.go": "package app\n\nimport \"os\"\n\nfunc Start(v string) {\n\tgo func() {\n" + body + "\t}()\n}\n"})
		out := make([]string, len(stmts))
		for _, f := range fs {
			if f.Category == analyzer.RuleEnvWrite && f.Posn.Line >= 7 && f.Posn.Line < 7+len(stmts) {
				out[f.Posn.Line-7] = f.Witnesses[0].Fingerprint
			}
		}
		return out
	}
	const eu, us, v = `os.Setenv("REGION", "eu")`, `os.Setenv("REGION", "us")`, `os.Setenv("REGION", v)`
	base := writes(eu, v)
	if base[0] == "" || base[1] == "" || base[0] == base[1] {
		t.Fatalf("want 2 distinct write fingerprints, got %q", base)
	}
	for name, tc := range map[string]struct {
		stmts []string
		eu, v int // where the old statements are now
	}{
		"before":  {[]string{us, eu, v}, 1, 2},
		"between": {[]string{eu, us, v}, 0, 2},
		"after":   {[]string{eu, v, us}, 0, 1},
	} {
		got := writes(tc.stmts...)
		if got[tc.eu] != base[0] || got[tc.v] != base[1] {
			t.Errorf("%s: the old statements' fingerprints changed: before %q, after %q", name, base, got)
		}
		for i, fp := range got {
			if i != tc.eu && i != tc.v && (fp == "" || slices.Contains(base, fp)) {
				t.Errorf("%s: the inserted write has fingerprint %q, want a new one (old: %q)", name, fp, base)
			}
		}
	}
	// Reformatting the access keeps it.
	if got := writes(`os.Setenv( "REGION",   "eu" )`, v); !slices.Equal(got, base) {
		t.Errorf("reformatted: want %q, got %q", base, got)
	}
	// True duplicates: distinct, numbered by order.
	if dup := writes(eu, eu); dup[0] != base[0] || dup[1] == "" || dup[1] == dup[0] {
		t.Errorf("duplicates: want the first to keep %s and the second to differ, got %q", base[0], dup)
	}
}

// TestRootLabelAtMainsFirstGo checks that main's first `go f()`, which
// starts two roots at one position (the goroutine f and main's concurrent
// region), gives each finding its own root: the write in f is labelled
// goroutine f everywhere, not by the message of its first hop.
func TestRootLabelAtMainsFirstGo(t *testing.T) {
	t.Parallel()
	fs := analyse(t, map[string]string{"cmd/app/main.go": `package main

import "os"

func refreshToken() {
	os.Setenv("API_TOKEN", "x")
}

func main() {
	go refreshToken()
	_ = os.Getenv("API_TOKEN")
}
`})
	write := find(t, fs, analyzer.RuleEnvWrite, "cmd/app/main.go")
	if r := write.Witnesses[0].Root; r.Kind != "goroutine" || r.Name != "refreshToken" {
		t.Errorf("write's root: kind %q, name %q; want goroutine refreshToken\n%s", r.Kind, r.Name, dump(fs))
	}
	for _, f := range fs {
		for _, w := range f.Witnesses {
			if strings.Contains(w.Root.Kind, " here") {
				t.Errorf("root kind is a hop's message: %+v", w.Root)
			}
		}
	}
}
