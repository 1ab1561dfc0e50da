package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/internal/workspace"
)

// The end-to-end tests build the binary once, run it on small modules
// written to temporary directories, and check what a user or a script
// sees: exit codes, the JSON tree, the text layout, the error messages.
// The analyzer is being written while these tests are, so they assert
// structure, not findings; findings come from credlint-probe (see
// probe_test.go).

var (
	credlintBin string // go build of this package
	probeBin    string // the same with probe_test.go's probeSource overlaid
)

func TestMain(m *testing.M) {
	code, err := buildAndRun(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		code = 1
	}
	os.Exit(code)
}

func buildAndRun(m *testing.M) (int, error) {
	dir, err := os.MkdirTemp("", "credlint-test-")
	if err != nil {
		return 1, err
	}
	defer os.RemoveAll(dir)
	exe := ""
	if runtime.GOOS == "windows" {
		exe = ".exe"
	}
	credlintBin = filepath.Join(dir, "credlint"+exe)
	probeBin = filepath.Join(dir, "credlint-probe"+exe)

	if out, err := exec.Command("go", "build", "-o", credlintBin, ".").CombinedOutput(); err != nil {
		return 1, fmt.Errorf("go build: %v\n%s", err, out)
	}
	pkgDir, err := os.Getwd()
	if err != nil {
		return 1, err
	}
	probe := filepath.Join(dir, "probe.go")
	overlay := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(probe, []byte(probeSource), 0o644); err != nil {
		return 1, err
	}
	ov, _ := json.Marshal(map[string]any{"Replace": map[string]string{filepath.Join(pkgDir, "zz_probe.go"): probe}})
	if err := os.WriteFile(overlay, ov, 0o644); err != nil {
		return 1, err
	}
	if out, err := exec.Command("go", "build", "-overlay="+overlay, "-o", probeBin, ".").CombinedOutput(); err != nil {
		return 1, fmt.Errorf("go build (probe): %v\n%s", err, out)
	}
	return m.Run(), nil
}

// -- helpers --

type result struct {
	stdout, stderr string
	code           int
}

// testEnv is the environment of every command the tests run: no network,
// no GOFLAGS from the caller, plus extra; no workspace either, but runIn
// sets GOWORK for the directory it runs in (workspace.GoworkEnv).
func testEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "GOFLAGS", "GOPROXY", "GOWORK", "GOTOOLCHAIN", "NO_COLOR", "CREDLINT_PROBE_LOG":
		default:
			env = append(env, kv)
		}
	}
	return append(env, append([]string{"GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS="}, extra...)...)
}

func runIn(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(slices.Clip(env), workspace.GoworkEnv(dir))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	for _, s := range []string{"panic:", "goroutine 1 ["} {
		if strings.Contains(r.stderr, s) {
			t.Fatalf("%s %s panicked:\n%s", name, strings.Join(args, " "), r.stderr)
		}
	}
	return r
}

func credlint(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runIn(t, dir, testEnv(), credlintBin, args...)
}

func probe(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runIn(t, dir, testEnv(), probeBin, args...)
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", r.code, r.stdout, r.stderr)
}

// writeModule writes files (path → content) under a new directory, with
// a go.mod for example.com/m unless files has one, and returns the
// directory.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := files["go.mod"]; !ok {
		files["go.mod"] = "module example.com/m\n\ngo 1.26\n"
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
	return dir
}

const (
	cleanGo = `package clean

// Add has nothing to do with the environment.
func Add(a, b int) int { return a + b }
`
	// racyGo writes the environment in an HTTP handler: line 10 col 3.
	racyGo = `package racy

import (
	"net/http"
	"os"
)

func Register(mux *http.ServeMux) {
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		os.Setenv("API_TOKEN", r.Header.Get("X-Token"))
	})
}
`
	// goroutineGo writes the environment in a goroutine, importing only os
	// (go vet runs the tool on every dependency: keep them few).
	goroutineGo = `package gor

import "os"

func Start(key string) {
	go func() {
		os.Setenv("API_TOKEN", key)
	}()
}
`
)

// A vetDiagnostic is what a script reads from the JSON tree.
type vetDiagnostic struct {
	Package  string
	Analyzer string
	Posn     string `json:"posn"`
	End      string `json:"end"`
	Message  string `json:"message"`
	Category string `json:"category"`
	Related  []struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	} `json:"related"`
}

var posnRE = regexp.MustCompile(`^.+:\d+:\d+$`)

// parseTree decodes one or more JSON trees (go vet prints one per unit)
// as a script would, checks their shape, and returns the diagnostics and
// the errors by package.
func parseTree(t *testing.T, out string) ([]vetDiagnostic, map[string]string) {
	t.Helper()
	var diags []vetDiagnostic
	errs := map[string]string{}
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("output is not a JSON tree: %v\n%s", err, out)
		}
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				if raw[0] != '[' {
					var e struct {
						Err *string `json:"error"`
					}
					if err := json.Unmarshal(raw, &e); err != nil || e.Err == nil {
						t.Fatalf("%s/%s: neither a list of diagnostics nor an error: %s", pkg, name, raw)
					}
					errs[pkg] = *e.Err
					continue
				}
				var list []vetDiagnostic
				if err := json.Unmarshal(raw, &list); err != nil {
					t.Fatalf("%s/%s: %v", pkg, name, err)
				}
				for _, d := range list {
					d.Package, d.Analyzer = pkg, name
					if !posnRE.MatchString(d.Posn) || !posnRE.MatchString(d.End) || d.Message == "" {
						t.Errorf("malformed diagnostic %+v", d)
					}
					for _, r := range d.Related {
						if !posnRE.MatchString(r.Posn) || r.Message == "" {
							t.Errorf("malformed related entry %+v", r)
						}
					}
					diags = append(diags, d)
				}
			}
		}
	}
	return diags, errs
}

func probeDiags(diags []vetDiagnostic) []vetDiagnostic {
	var out []vetDiagnostic
	for _, d := range diags {
		if d.Category == "probe-env-write" {
			out = append(out, d)
		}
	}
	return out
}

// checkText checks the layout of the text format: each finding
// "file:line:col: message", each hop indented by four spaces below it.
func checkText(t *testing.T, out string) {
	t.Helper()
	finding := regexp.MustCompile(`^[^ \t].*:\d+:\d+: .+$`)
	hop := regexp.MustCompile(`^    [^ ].*:\d+:\d+: .+$`)
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line != "" && !finding.MatchString(line) && !hop.MatchString(line) {
			t.Errorf("text output line %q is neither a finding nor a hop", line)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colored output on a pipe:\n%q", out)
	}
}

// wantExit checks the exit code against the contract, given the output.
func wantFindingsExit(t *testing.T, r result, findings int) {
	t.Helper()
	want := exitOK
	if findings > 0 {
		want = exitFindings
	}
	if r.code != want {
		t.Errorf("exit %d with %d findings, want %d\n%s", r.code, findings, want, r)
	}
}

// -- standalone mode --

func TestCleanCode(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{"clean.go": cleanGo})
	for _, args := range [][]string{nil, {"."}, {"./..."}, {"-test=false", "./..."}} {
		r := credlint(t, dir, args...)
		if r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Errorf("credlint %v on clean code:\n%s", args, r)
		}
	}
	r := credlint(t, dir, "-json", "./...")
	if r.code != 0 || r.stdout != "{}\n" || r.stderr != "" {
		t.Errorf("credlint -json on clean code:\n%s", r)
	}
}

func TestRacyCode(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{"racy/racy.go": racyGo, "gor/gor.go": goroutineGo})

	r := credlint(t, dir, "-json", "./...")
	diags, errs := parseTree(t, r.stdout)
	if len(errs) > 0 || r.stderr != "" {
		t.Errorf("errors on good code: %v\n%s", errs, r)
	}
	wantFindingsExit(t, r, len(diags))

	r = credlint(t, dir, "./...")
	checkText(t, r.stdout)
	wantFindingsExit(t, r, strings.Count(r.stdout, "\n")-strings.Count(r.stdout, "\n    "))
}

func TestProbeFindings(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{"gor/gor.go": goroutineGo})

	r := probe(t, filepath.Join(dir, "gor"), "./...")
	checkText(t, r.stdout)
	want := "gor.go:7:3: probe: os.Setenv in Start [probe-env-write]\n" +
		"    gor.go:5:6: in function Start\n" +
		"    gor.go:7:3: os.Setenv called here\n"
	if !strings.Contains(r.stdout, want) || r.code != exitFindings || r.stderr != "" {
		t.Errorf("text: want paths relative to the current directory and\n%s\ngot:\n%s", want, r)
	}

	r = probe(t, dir, "-json", "./...")
	diags, errs := parseTree(t, r.stdout)
	diags = probeDiags(diags)
	if len(errs) > 0 || len(diags) != 1 || r.code != exitFindings {
		t.Fatalf("-json: want one probe finding and exit 3, got %v %v\n%s", diags, errs, r)
	}
	d := diags[0]
	gor := filepath.Join(dir, "gor", "gor.go")
	if d.Package != "example.com/m/gor" || d.Analyzer != "credlint" || d.Posn != gor+":7:3" ||
		d.Message != "probe: os.Setenv in Start" || len(d.Related) != 2 || d.Related[0].Posn != gor+":5:6" {
		t.Errorf("-json: got %+v", d)
	}
}

func TestTypeError(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"gor/gor.go": goroutineGo,
		"bad/bad.go": "package bad\n\nfunc F() int { return undefinedThing }\n",
	})
	for _, bin := range []string{credlintBin, probeBin} {
		r := runIn(t, dir, testEnv(), bin, "./...")
		if r.code != exitError ||
			!strings.Contains(r.stderr, "credlint: example.com/m/bad: not analysed: the package does not type-check:\n"+
				"\tbad/bad.go:3:23: undefined: undefinedThing\n") ||
			strings.Contains(r.stderr, "gor") {
			t.Errorf("%s: want exit 1 and the type error of bad only:\n%s", filepath.Base(bin), r)
		}
		if bin == probeBin && !strings.Contains(r.stdout, "gor/gor.go:7:3: probe: os.Setenv") {
			t.Errorf("the package next to the broken one was not analysed:\n%s", r)
		}

		r = runIn(t, dir, testEnv(), bin, "-json", "./...")
		diags, errs := parseTree(t, r.stdout)
		if r.code != exitError || len(errs) != 1 || !strings.Contains(errs["example.com/m/bad"], "does not type-check") {
			t.Errorf("%s -json: want exit 1 and an error entry for bad:\n%s", filepath.Base(bin), r)
		}
		if bin == probeBin && len(probeDiags(diags)) != 1 {
			t.Errorf("-json: want the finding of the good package:\n%s", r)
		}
	}
}

func TestSyntaxError(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"gor/gor.go": goroutineGo,
		"syn/syn.go": "package syn\n\nfunc F( {\n",
	})
	r := probe(t, dir, "./...")
	if r.code != exitError ||
		!strings.Contains(r.stderr, "credlint: example.com/m/syn: not analysed: the package has syntax errors:\n\tsyn/syn.go:3:9: ") ||
		!strings.Contains(r.stdout, "gor/gor.go:7:3: probe:") {
		t.Errorf("want exit 1, the syntax error, and the other package's finding:\n%s", r)
	}
}

func TestNoGoFiles(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"gor/gor.go":      goroutineGo,
		"empty/README.md": "no Go here\n",
	})
	r := probe(t, dir, "./empty", "./gor")
	if r.code != exitError || !strings.Contains(r.stderr, "credlint: ./empty: not analysed: the package has no Go files to analyse:") ||
		!strings.Contains(r.stderr, "-tags") || !strings.Contains(r.stdout, "gor/gor.go:7:3: probe:") {
		t.Errorf("want exit 1, a no-Go-files error with a hint, and the other package's finding:\n%s", r)
	}

	r = credlint(t, filepath.Join(dir, "empty"))
	if r.code != exitError || !strings.Contains(r.stderr, "no Go files") {
		t.Errorf("no arguments in a directory without Go files:\n%s", r)
	}

	r = credlint(t, dir, "./nosuchdir")
	if r.code != exitError || !strings.Contains(r.stderr, "nosuchdir") {
		t.Errorf("a directory that does not exist:\n%s", r)
	}
}

func TestAnalysisError(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"gor/gor.go":       goroutineGo,
		"failme/failme.go": "package failme\n\nfunc F() {}\n",
	})
	r := probe(t, dir, "./...")
	cause := "analysis failed: credlint on example.com/m/failme: probe: failing on purpose\n"
	if r.code != exitError || !strings.Contains(r.stderr, "credlint: example.com/m/failme: "+cause) ||
		!strings.Contains(r.stdout, "gor/gor.go:7:3: probe:") {
		t.Errorf("want exit 1, the analysis error, and the other package's finding:\n%s", r)
	}
	r = probe(t, dir, "-json", "./...")
	if _, errs := parseTree(t, r.stdout); r.code != exitError || !strings.Contains(errs["example.com/m/failme"], "failing on purpose") {
		t.Errorf("-json: want an error entry for failme:\n%s", r)
	}
}

func TestNoPackages(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{"README.md": "nothing\n"})
	r := credlint(t, dir, "./...")
	if r.code != exitError || !strings.Contains(r.stderr, "matched no packages") {
		t.Errorf("a pattern that matches nothing:\n%s", r)
	}
}

func TestMissingDependency(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"go.mod":     "module example.com/m\n\ngo 1.26\n\nrequire example.invalid/dep v1.0.0\n",
		"use/use.go": "package use\n\nimport \"example.invalid/dep\"\n\nvar _ = dep.X\n",
		"gor/gor.go": goroutineGo,
	})
	r := probe(t, dir, "./...")
	if r.code != exitError ||
		!strings.Contains(r.stderr, "credlint: example.invalid/dep: the package cannot be loaded (a module is missing or out of date):") ||
		!strings.Contains(r.stderr, "credlint: example.com/m/use: not analysed: it imports packages that cannot be loaded or do not type-check: example.invalid/dep") ||
		!strings.Contains(r.stdout, "gor/gor.go:7:3: probe:") {
		t.Errorf("want exit 1, the missing module, its importer, and the other package's finding:\n%s", r)
	}
}

func TestBuildTags(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"tagged/ok.go":    "package tagged\n",
		"tagged/never.go": "//go:build credlint_never\n\npackage tagged\n\nimport \"os\"\n\nfunc Set() { os.Setenv(\"API_TOKEN\", \"x\") }\n",
		"tagbad/ok.go":    "package tagbad\n",
		"tagbad/bad.go":   "//go:build credlint_broken\n\npackage tagbad\n\nvar _ = undefinedThing\n",
	})
	if r := credlint(t, dir, "./..."); r.code != exitOK || r.stderr != "" {
		t.Errorf("files excluded by build tags must be ignored:\n%s", r)
	}
	if r := credlint(t, dir, "-tags=credlint_broken", "./..."); r.code != exitError ||
		!strings.Contains(r.stderr, "credlint: example.com/m/tagbad: not analysed: the package does not type-check:\n\ttagbad/bad.go:5:9:") {
		t.Errorf("-tags must select the tagged file:\n%s", r)
	}
	if r := probe(t, dir, "./tagged"); strings.Contains(r.stdout, "never.go") {
		t.Errorf("finding in a file excluded by build tags:\n%s", r)
	}
	if r := probe(t, dir, "-tags", "credlint_never", "./tagged"); !strings.Contains(r.stdout, "tagged/never.go:7:14: probe:") || r.code != exitFindings {
		t.Errorf("-tags credlint_never: want the finding in never.go:\n%s", r)
	}
}

func TestTestFiles(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"gor/gor.go":          goroutineGo,
		"gor/gor_test.go":     "package gor\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\nfunc TestX(t *testing.T) { os.Setenv(\"T\", \"1\") }\n",
		"gor/x_test.go":       "package gor_test\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\nfunc TestY(t *testing.T) { os.Setenv(\"U\", \"1\") }\n",
		"xonly/xonly.go":      "package xonly\n\nimport \"os\"\n\nfunc F() { os.Setenv(\"V\", \"1\") }\n",
		"xonly/xonly_test.go": "package xonly_test\n\nimport \"testing\"\n\nfunc TestZ(t *testing.T) {}\n",
	})
	r := probe(t, dir, "-json", "./...")
	diags, errs := parseTree(t, r.stdout)
	var got []string
	for _, d := range probeDiags(diags) {
		got = append(got, d.Package+" "+filepath.Base(strings.Split(d.Posn, ":")[0]))
	}
	slices.Sort(got)
	want := []string{
		"example.com/m/gor [example.com/m/gor.test] gor.go", // each file once, in the test variant
		"example.com/m/gor [example.com/m/gor.test] gor_test.go",
		"example.com/m/gor_test [example.com/m/gor.test] x_test.go",
		"example.com/m/xonly xonly.go",
	}
	if len(errs) > 0 || !slices.Equal(got, want) {
		t.Errorf("with tests: got %q, errors %v; want %q\n%s", got, errs, want, r)
	}

	r = probe(t, dir, "-test=false", "-json", "./...")
	diags, _ = parseTree(t, r.stdout)
	got = nil
	for _, d := range probeDiags(diags) {
		got = append(got, d.Package+" "+filepath.Base(strings.Split(d.Posn, ":")[0]))
	}
	slices.Sort(got)
	want = []string{"example.com/m/gor gor.go", "example.com/m/xonly xonly.go"}
	if !slices.Equal(got, want) {
		t.Errorf("-test=false: got %q, want %q\n%s", got, want, r)
	}

	r = probe(t, dir, "./gor")
	if n := strings.Count(r.stdout, "gor.go:7:3: probe:"); n != 1 {
		t.Errorf("text: the finding in gor.go is printed %d times, want once:\n%s", n, r)
	}
}

// TestBrokenTestFile checks that a test file that does not compile does
// not hide the findings of the package it tests.
func TestBrokenTestFile(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"gor/gor.go":      goroutineGo,
		"gor/gor_test.go": "package gor\n\nvar _ = undefinedThing\n",
	})
	r := probe(t, dir, "./...")
	if r.code != exitError || !strings.Contains(r.stdout, "gor/gor.go:7:3: probe:") ||
		!strings.Contains(r.stderr, "credlint: example.com/m/gor [example.com/m/gor.test]: analysed without its tests: the package does not type-check:\n\tgor/gor_test.go:3:9: undefined: undefinedThing") {
		t.Errorf("want the package analysed without its tests, and the test file's error:\n%s", r)
	}
}

func TestCgo(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no gcc")
	}
	dir := writeModule(t, map[string]string{"cg/cg.go": `package cg

/*
static int two(void) { return 2; }
*/
import "C"

import "os"

func Two() int { return int(C.two()) }

func Set() { os.Setenv("API_TOKEN", "x") }
`})
	env := testEnv("CGO_ENABLED=1")
	r := runIn(t, dir, env, credlintBin, "-json", "./...")
	diags, errs := parseTree(t, r.stdout)
	if len(errs) > 0 || r.stderr != "" {
		t.Errorf("cgo package: %v\n%s", errs, r)
	}
	wantFindingsExit(t, r, len(diags))

	r = runIn(t, dir, env, probeBin, "./...")
	if !strings.Contains(r.stdout, "cg/cg.go:12:14: probe: os.Setenv in Set") {
		t.Errorf("cgo package: want the finding at its position in cg.go:\n%s", r)
	}
}

func TestUsage(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{"clean.go": cleanGo})
	r := credlint(t, dir, "-nosuchflag", "./...")
	if r.code != exitError || !strings.Contains(r.stderr, "flag provided but not defined: -nosuchflag") || r.stdout != "" {
		t.Errorf("bad flag:\n%s", r)
	}
	r = credlint(t, dir, "-test=maybe")
	if r.code != exitError || !strings.Contains(r.stderr, "-test") {
		t.Errorf("bad flag value:\n%s", r)
	}
	r = probe(t, dir, "-probe-keys=BAD", "./...")
	if r.code != exitError || !strings.Contains(r.stderr, "credlint: -probe-keys: probe rejects \"BAD\"\n") {
		t.Errorf("bad analyzer flag value:\n%s", r)
	}
	log := filepath.Join(t.TempDir(), "log")
	r = runIn(t, dir, testEnv("CREDLINT_PROBE_LOG="+log), probeBin, "-engine=process", "-probe-keys", "A", "-probe-bool", "./...")
	if data, _ := os.ReadFile(log); r.code != exitOK || string(data) != "probe-keys=A\nprobe-bool=true\n" {
		t.Errorf("analyzer flags standalone: log %q\n%s", data, r)
	}
	// Through go vet, the driver and every unit process set them once.
	log = filepath.Join(t.TempDir(), "log")
	r = runIn(t, dir, testEnv("CREDLINT_PROBE_LOG="+log), probeBin, "-engine=vet", "-probe-keys", "A", "-probe-bool", "./...")
	data, _ := os.ReadFile(log)
	if sets := strings.Count(string(data), "probe-keys=A\nprobe-bool=true\n"); r.code != exitOK || sets < 2 ||
		len(data) != sets*len("probe-keys=A\nprobe-bool=true\n") {
		t.Errorf("analyzer flags through go vet: log %q\n%s", data, r)
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	lifted, err := liftFlags(analyzer.Analyzer)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"-h"}, {"-help"}, {"help"}} {
		r := credlint(t, t.TempDir(), args...)
		if r.code != exitOK || !strings.Contains(r.stdout, "Usage:") || !strings.Contains(r.stdout, "Exit status: 0 no findings, 1 usage or load or analysis error, 3 findings.") {
			t.Errorf("credlint %v:\n%s", args, r)
		}
		for _, name := range []string{"-json", "-test", "-tags", "-V", "-flags"} {
			if !strings.Contains(r.stdout, "  "+name) {
				t.Errorf("help does not list %s:\n%s", name, r.stdout)
			}
		}
		for _, f := range lifted {
			if !strings.Contains(r.stdout, "  -"+f.Name) {
				t.Errorf("help does not list the analyzer flag -%s:\n%s", f.Name, r.stdout)
			}
		}
	}
	r := probe(t, t.TempDir(), "-h")
	_, analyzerFlags, _ := strings.Cut(r.stdout, "Analyzer flags")
	if !strings.Contains(analyzerFlags, "  -probe-keys value\n") || !strings.Contains(analyzerFlags, "  -probe-bool\n") {
		t.Errorf("help does not list the config pass's flags under Analyzer flags:\n%s", r.stdout)
	}
}

// versionField is what -V=full prints in a checkout build: the
// executable, the module version ((devel)) and the build ID.
var versionField = regexp.MustCompile(`^(\S+) version devel credlint@\(devel\) buildID=(\S+)\n$`)

func TestVersion(t *testing.T) {
	t.Parallel()
	re := versionField
	r := credlint(t, t.TempDir(), "-V=full")
	m := re.FindStringSubmatch(r.stdout)
	if r.code != exitOK || m == nil || m[1] != credlintBin {
		t.Fatalf("-V=full: want %s\n%s", re, r)
	}
	// On ELF the ID is the Go build ID the linker wrote, as go tool
	// buildid reads it; elsewhere the SHA-256 of the executable.
	out, err := exec.Command("go", "tool", "buildid", credlintBin).Output()
	if err != nil {
		t.Fatalf("go tool buildid: %v", err)
	}
	want := strings.TrimSpace(string(out))
	if runtime.GOOS != "linux" {
		want = "" // not checked
	}
	if want != "" && m[2] != want {
		t.Errorf("-V=full: buildID=%s, want the Go build ID %s", m[2], want)
	}
	if r2 := probe(t, t.TempDir(), "-V=full"); r2.stdout == r.stdout {
		t.Errorf("two different binaries print the same -V=full: %q", r.stdout)
	}
	if r := credlint(t, t.TempDir(), "-V=nonsense"); r.code != exitError {
		t.Errorf("-V=nonsense:\n%s", r)
	}
}

type jsonFlag struct {
	Name  string
	Bool  bool
	Usage string
}

func vetFlags(t *testing.T, bin string) map[string]jsonFlag {
	t.Helper()
	r := runIn(t, t.TempDir(), testEnv(), bin, "-flags")
	var list []jsonFlag
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || r.code != exitOK {
		t.Fatalf("-flags: %v\n%s", err, r)
	}
	m := map[string]jsonFlag{}
	for _, f := range list {
		m[f.Name] = f
		if strings.Contains(f.Name, ".") || f.Name == "credlint" {
			t.Errorf("-flags lists %q: analyzer flags must be unprefixed", f.Name)
		}
	}
	return m
}

func TestFlagsJSON(t *testing.T) {
	t.Parallel()
	lifted, err := liftFlags(analyzer.Analyzer)
	if err != nil {
		t.Fatal(err)
	}
	flags := vetFlags(t, credlintBin)
	for _, name := range []string{"V", "c", "diff", "flags", "json"} {
		if _, ok := flags[name]; !ok {
			t.Errorf("-flags does not list the protocol flag %s", name)
		}
	}
	for _, name := range []string{"test", "fix"} {
		if _, ok := flags[name]; ok {
			t.Errorf("-flags lists %s, which go vet must not pass on", name)
		}
	}
	for _, f := range lifted {
		got, ok := flags[f.Name]
		if !ok || got.Bool != f.isBool() || got.Usage != f.Usage {
			t.Errorf("-flags: analyzer flag %s: got %+v", f.Name, got)
		}
	}
	probeFlags := vetFlags(t, probeBin)
	if f := probeFlags["probe-keys"]; f.Bool || f.Usage != "probe: a string flag" {
		t.Errorf("-flags: probe-keys: %+v", f)
	}
	if f := probeFlags["probe-bool"]; !f.Bool {
		t.Errorf("-flags: probe-bool: %+v", f)
	}
	if _, ok := probeFlags["cred-keys"]; !ok {
		t.Errorf("-flags: no cred-keys")
	}
}

// -- go vet mode --

func goVet(t *testing.T, dir string, env []string, tool string, args ...string) result {
	t.Helper()
	return runIn(t, dir, env, "go", append([]string{"vet", "-vettool=" + tool}, args...)...)
}

// TestVet runs the real binary under go vet on clean code, with
// -cred-keys=FOO once the config pass defines it.
func TestVet(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{"clean.go": cleanGo, "sub/sub.go": "package sub\n\nimport \"os\"\n\nvar Home = os.Getenv(\"HOME\")\n"})
	var flags []string
	if _, ok := vetFlags(t, credlintBin)["cred-keys"]; ok {
		flags = append(flags, "-cred-keys=FOO")
	}

	r := goVet(t, dir, testEnv(), credlintBin, append(flags, "./...")...)
	if r.code != 0 || r.stderr != "" {
		t.Errorf("go vet %v on clean code:\n%s", flags, r)
	}

	r = goVet(t, dir, testEnv(), credlintBin, append(flags, "-json", "./...")...)
	diags, errs := parseTree(t, r.stdout)
	if r.code != 0 || len(errs) > 0 || len(diags) > 0 {
		t.Errorf("go vet -json: %v %v\n%s", diags, errs, r)
	}
}

// TestVetProbe checks the flag hand-over and the findings under go vet.
func TestVetProbe(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{"gor/gor.go": goroutineGo})
	log := filepath.Join(t.TempDir(), "log")
	env := testEnv("CREDLINT_PROBE_LOG=" + log)

	r := goVet(t, dir, env, probeBin, "-cred-keys=FOO", "-probe-keys", "BAR", "-probe-bool", "./...")
	if r.code != 1 ||
		!strings.Contains(r.stderr, "gor/gor.go:7:3: probe: os.Setenv in Start\n") ||
		!strings.Contains(r.stderr, "gor/gor.go:5:6: \tin function Start\n") {
		t.Errorf("go vet: want the probe finding with its path and exit 1:\n%s", r)
	}
	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"probe-keys=BAR\n", "probe-bool=true\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("go vet did not hand %q to the config pass; log:\n%s", want, data)
		}
	}
	if !strings.Contains(string(data), "cred-keys=FOO\n") && vetFlags(t, credlintBin)["cred-keys"].Name == "" {
		t.Errorf("go vet did not hand -cred-keys=FOO to the probe; log:\n%s", data)
	}

	r = goVet(t, dir, env, probeBin, "-json", "-probe-keys=X", "./...")
	diags, errs := parseTree(t, r.stdout)
	if diags = probeDiags(diags); r.code != 0 || len(errs) > 0 || len(diags) != 1 ||
		diags[0].Posn != filepath.Join(dir, "gor", "gor.go")+":7:3" || len(diags[0].Related) != 2 {
		t.Errorf("go vet -json: %+v %v\n%s", diags, errs, r)
	}

	r = goVet(t, dir, env, probeBin, "-probe-keys=BAD", "./...")
	if r.code == 0 || !strings.Contains(r.stderr, "credlint: -probe-keys: probe rejects \"BAD\"\n") {
		t.Errorf("go vet with a bad value: want the error under the unprefixed name:\n%s", r)
	}

	r = goVet(t, dir, env, probeBin, "-credlint.probe-keys=X", "./...")
	if r.code == 0 || !strings.Contains(r.stderr, "flag provided but not defined: -credlint.probe-keys") {
		t.Errorf("go vet with a prefixed flag: want it rejected:\n%s", r)
	}
}

// TestToolIDFallback: an executable without a Go build ID note is keyed on
// the SHA-256 of its contents.
func TestToolIDFallback(t *testing.T) {
	t.Parallel()
	name := filepath.Join(t.TempDir(), "script")
	content := []byte("#!/bin/sh\n")
	if err := os.WriteFile(name, content, 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := toolID(name)
	if want := fmt.Sprintf("%x", sha256.Sum256(content)); err != nil || got != want {
		t.Errorf("toolID(shell script) = %q, %v; want its SHA-256 %s", got, err, want)
	}
	if _, err := toolID(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("toolID(missing file): no error")
	}
}
