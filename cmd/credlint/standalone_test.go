package main

import (
	"errors"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

func TestFailureCause(t *testing.T) {
	// credlint@a needs credlint_env@a, which needs credlint_env@dep:
	//
	//	credlint@a ── credlint_env@a ── credlint_env@dep (fails)
	//	          └── credlint_cfg@a (fails)
	a := &packages.Package{ID: "example.com/a"}
	dep := &packages.Package{ID: "example.com/dep"}
	env := &analysis.Analyzer{Name: "credlint_env"}
	cfg := &analysis.Analyzer{Name: "credlint_cfg"}
	root := &analysis.Analyzer{Name: "credlint"}
	envDep := &checker.Action{Analyzer: env, Package: dep, Err: errors.New("boom")}
	envA := &checker.Action{Analyzer: env, Package: a, Deps: []*checker.Action{envDep}, Err: errors.New("failed prerequisites: credlint_env@example.com/dep")}
	cfgA := &checker.Action{Analyzer: cfg, Package: a, Err: errors.New("bad config")}
	act := &checker.Action{Analyzer: root, Package: a, Deps: []*checker.Action{envA, cfgA}, Err: errors.New("failed prerequisites")}

	got := failureCause(act)
	want := "credlint_env on example.com/dep: boom; credlint_cfg on example.com/a: bad config"
	if got != want {
		t.Errorf("failureCause = %q, want %q", got, want)
	}
}

func TestSelectRoots(t *testing.T) {
	p := &packages.Package{ID: "m/p", PkgPath: "m/p", Name: "p"}
	ptest := &packages.Package{ID: "m/p [m/p.test]", PkgPath: "m/p", Name: "p", ForTest: "m/p"}
	pxtest := &packages.Package{ID: "m/p_test [m/p.test]", PkgPath: "m/p_test", Name: "p_test", ForTest: "m/p"}
	pmain := &packages.Package{ID: "m/p.test", PkgPath: "m/p.test", Name: "main"}
	q := &packages.Package{ID: "m/q", PkgPath: "m/q", Name: "q"}
	qxtest := &packages.Package{ID: "m/q_test [m/q.test]", PkgPath: "m/q_test", Name: "q_test", ForTest: "m/q"}
	qmain := &packages.Package{ID: "m/q.test", PkgPath: "m/q.test", Name: "main",
		Imports: map[string]*packages.Package{"m/q_test": qxtest}}
	// A real main package whose path ends in .test is still analysed.
	odd := &packages.Package{ID: "m/odd.test", PkgPath: "m/odd.test", Name: "main"}

	roots := selectRoots([]*packages.Package{p, q, odd, ptest, pxtest, pmain, qxtest, qmain})
	var got []string
	for _, r := range roots {
		s := r.pkg.ID
		if r.plain != nil {
			s += " (else " + r.plain.ID + ")"
		}
		got = append(got, s)
	}
	want := []string{"m/q", "m/odd.test", "m/p [m/p.test] (else m/p)", "m/p_test [m/p.test]", "m/q_test [m/q.test]"}
	if !slices.Equal(got, want) {
		t.Errorf("selectRoots = %q, want %q", got, want)
	}
}

func TestDiagnose(t *testing.T) {
	for _, tc := range []struct {
		kind      packages.ErrorKind
		msg       string
		what, cue string
	}{
		{packages.TypeError, "undefined: x", "does not type-check", "go build"},
		{packages.ParseError, "expected ')'", "has syntax errors", "gofmt"},
		{packages.ListError, "no Go files in /x", "has no Go files to analyse", "-tags"},
		{packages.ListError, "build constraints exclude all Go files in /x", "has no Go files to analyse", "-tags"},
		{packages.ListError, "no required module provides package x; to add it:\n\tgo get x", "a module is missing", "go get"},
		{packages.ListError, "missing go.sum entry for module providing package x", "a module is missing", "go mod tidy"},
		{packages.ListError, "stat /x/nosuch: directory not found", "cannot be found", "pattern"},
		{packages.ListError, "go: go.mod file not found in current directory", "not in a Go module", "go mod init"},
		{packages.ListError, "something new", "cannot be loaded", "go build"},
		{packages.ListError, "loading compiled Go files from cache: reading srcfiles list: cache entry not found: open /root/.cache/go-build/78/78e8-a: no such file or directory", "build cache", "GOCACHE"},
		{packages.ParseError, "/root/.cache/go-build/35/35ec-d:1: no such file or directory", "build cache", "run credlint again"},
		{packages.ListError, "go: creating work dir: stat /nonexistent: no such file or directory", "work directory", "TMPDIR"},
		// Issue 16: no C compiler is named as the cause, not as a type error.
		{packages.ListError, "# runtime/cgo\ncgo: C compiler \"/nonexistent\" not found: exec: \"/nonexistent\": stat /nonexistent: no such file or directory", "uses cgo", "C compiler"},
		{packages.TypeError, "could not import C (no metadata for C)", "uses cgo", "CGO_ENABLED=0"},
	} {
		what, hint := diagnose([]packages.Error{{Kind: tc.kind, Msg: tc.msg}})
		if !strings.Contains(what, tc.what) || !strings.Contains(hint, tc.cue) {
			t.Errorf("diagnose(%q) = %q, %q; want %q and a hint with %q", tc.msg, what, hint, tc.what, tc.cue)
		}
	}
}

func TestAddProblem(t *testing.T) {
	var errs []packages.Error
	for i := 0; i < maxErrorsShown+2; i++ {
		errs = append(errs, packages.Error{Pos: "/w/m/bad/bad.go:3:4", Msg: "undefined: x", Kind: packages.TypeError})
	}
	errs[0].Msg = "two\nlines"
	r := &output.Report{}
	addProblem(r, "credlint", &pkgProblem{id: "m/bad", path: "m/bad", errs: errs}, "not analysed: ", "/w/m")
	if len(r.Errors) != 1 {
		t.Fatalf("got %d errors", len(r.Errors))
	}
	msg := r.Errors[0].Message
	for _, want := range []string{
		"not analysed: the package does not type-check:\n\tbad/bad.go:3:4: two\n\tlines\n",
		"\n\t(and 2 more errors)\n\tFix these errors",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not contain %q", msg, want)
		}
	}
}

// TestCompilerListKept: a compiler error list ("# path") is dropped only
// when the parse and type errors repeat each of its lines; cgo's own
// error, which the type checker only sees as "could not import C", is
// kept (issue 16).
func TestCompilerListKept(t *testing.T) {
	typeErr := packages.Error{Kind: packages.TypeError, Pos: "/w/a.go:3:2", Msg: "undefined: x"}
	cgoImport := packages.Error{Kind: packages.TypeError, Pos: "/w/cgo.go:34:8", Msg: "could not import C (no metadata for C)"}
	for _, tc := range []struct {
		list   string
		others []packages.Error
		repeat bool
	}{
		{"# m/a\n/w/a.go:3:2: undefined: x", []packages.Error{typeErr}, true},
		{"# m/a\n/w/a.go:3:2: undefined: x\n/w/a.go:4:2: undefined: y", []packages.Error{typeErr}, false},
		{"# runtime/cgo\ncgo: C compiler \"/nonexistent\" not found", []packages.Error{cgoImport}, false},
		{"no Go files", []packages.Error{typeErr}, false},
	} {
		e := packages.Error{Kind: packages.ListError, Msg: tc.list}
		if got := repeatsSourceErrors(e, append(tc.others, e)); got != tc.repeat {
			t.Errorf("repeatsSourceErrors(%q) = %v, want %v", tc.list, got, tc.repeat)
		}
	}
}

// TestCommandErrorHasStderr: an external command's failure carries what
// it printed on stderr, not only its exit status (issue 16).
func TestCommandErrorHasStderr(t *testing.T) {
	_, err := exec.Command("sh", "-c", "echo 'go: GOCACHE is not writable: no space left on device' >&2; exit 1").Output()
	got := commandError("go list", err).Error()
	if !strings.Contains(got, "go list: exit status 1") || !strings.Contains(got, "no space left on device") {
		t.Errorf("commandError = %q", got)
	}
}
