package analyzer_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/analyzer/internal/nogocfg"
	"github.com/credlint/credlint/passes/config"
)

// The promise Bazel's nogo rests on (docs/bazel.md): analyzer.Analyzer is
// a plain *analysis.Analyzer whose settings all come from its flags, so
// any go/analysis driver gives the same findings. The tests below run it
// under three drivers on the same packages, with the defaults and with
// flags set the way nogo sets them from its JSON config, and compare.
//
// The packages: roots in crosspkg/server reaching accesses in
// crosspkg/envlib, and goroutines started in regions/startlib, written
// after in regions/startmain and regions/delegate: findings in four
// packages, most of them through facts of an imported package. Every
// package whose facts a finding needs is in the importing unit's type
// graph: x/tools' facts decoder (unitchecker's and nogo's) drops the facts
// of packages that are not, where the whole-program checker keeps them
// (docs/performance.md, lego: 17 findings against 21), so on such a
// program the per-unit drivers may report less.
var driverPatterns = []string{"crosspkg/...", "regions/startlib", "regions/startmain", "regions/delegate"}

// nogoConfigFile is the nogo JSON config the flag runs use;
// docs/bazel.md shows it verbatim (TestBazelDocShowsConfig).
const nogoConfigFile = "nogo_config.json"

// TestBazelDocShowsConfig keeps docs/bazel.md's config the one the
// drivers are tested with.
func TestBazelDocShowsConfig(t *testing.T) {
	cfg, err := os.ReadFile(filepath.Join("testdata", nogoConfigFile))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(filepath.Join("..", "docs", "bazel.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(doc, cfg) {
		t.Errorf("docs/bazel.md does not show testdata/%s verbatim:\n%s", nogoConfigFile, cfg)
	}
}

// TestDriversAgree: analysistest, go/analysis/checker and unitchecker
// (go vet -vettool with a built binary) report the same findings, with
// the default flags and with those of nogo_config.json, which change them.
func TestDriversAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a vet tool and runs go vet")
	}
	testdata := analysistest.TestData()
	vettool := buildNogoLikeVetTool(t)
	defaults := driverFindings(t, testdata, vettool, "")
	if pkgs := packagesOf(defaults); len(defaults) < 8 || len(pkgs) < 4 {
		t.Fatalf("want at least 8 findings in 4 packages, got %d in %v", len(defaults), pkgs)
	}
	flagged := driverFindings(t, testdata, vettool, filepath.Join(testdata, nogoConfigFile))
	if slices.Equal(defaults, flagged) || len(flagged) == 0 {
		t.Errorf("the flags of %s should change the findings, and leave some:\n%s", nogoConfigFile, strings.Join(flagged, "\n"))
	}
}

// driverFindings runs the three drivers, with the flags of the nogo
// config at cfgPath when it is not "", checks that they agree, and
// returns their findings.
func driverFindings(t *testing.T, testdata, vettool, cfgPath string) []string {
	t.Helper()
	restoreConfigFlags(t)
	if cfgPath != "" {
		if err := nogocfg.Apply(analyzer.Analyzer, cfgPath); err != nil {
			t.Fatal(err)
		}
	}
	byTest := analysistestFindings(t, testdata, cfgPath == "")
	byChecker := checkerFindings(t, testdata)
	byVet := unitcheckerFindings(t, testdata, vettool, cfgPath)
	for name, got := range map[string][]string{"checker": byChecker, "unitchecker": byVet} {
		if !slices.Equal(got, byTest) {
			t.Errorf("config %q: %s and analysistest disagree\n%s:\n%s\nanalysistest:\n%s", cfgPath, name,
				name, strings.Join(got, "\n"), strings.Join(byTest, "\n"))
		}
	}
	return byTest
}

// finding renders a diagnostic for comparison: the file relative to
// testdata/src, line, column, rule and message.
func finding(testdata string, posn token.Position, category, message string) string {
	rel, err := filepath.Rel(filepath.Join(testdata, "src"), posn.Filename)
	if err != nil {
		rel = posn.Filename
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s", filepath.ToSlash(rel), posn.Line, posn.Column, category, message)
}

// analysistestFindings runs analysistest; with the default flags the
// // want comments must hold too, otherwise only the findings count.
func analysistestFindings(t *testing.T, testdata string, checkWants bool) []string {
	var tt analysistest.Testing = t
	if !checkWants {
		tt = &quiet{t} // tiers_test.go
	}
	var out []string
	for _, r := range analysistest.Run(tt, testdata, analyzer.Analyzer, driverPatterns...) {
		for _, d := range r.Diagnostics {
			out = append(out, finding(testdata, r.Pass.Fset.Position(d.Pos), d.Category, d.Message))
		}
	}
	slices.Sort(out)
	return out
}

// checkerFindings loads the packages the way analysistest does (GOPATH
// mode over testdata, every package from source) and runs
// go/analysis/checker on them.
func checkerFindings(t *testing.T, testdata string) []string {
	t.Helper()
	pkgs, err := loadDriverPackages()
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			out = append(out, finding(testdata, act.Package.Fset.Position(d.Pos), d.Category, d.Message))
		}
	}
	slices.Sort(out)
	return slices.Compact(out) // a package and its test variant report alike
}

// loadDriverPackages loads driverPatterns once for every checker run:
// the analysis reads the flags when it runs, not when packages load.
var loadDriverPackages = sync.OnceValues(func() ([]*packages.Package, error) {
	testdata := analysistest.TestData()
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   filepath.Join(testdata, "src"),
		Env:   append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOPROXY=off", "GOWORK=off"),
		Tests: true,
	}
	pkgs, err := packages.Load(cfg, driverPatterns...)
	if err == nil && packages.PrintErrors(pkgs) > 0 {
		err = errors.New("the fixtures do not load")
	}
	return pkgs, err
})

// buildNogoLikeVetTool builds testdata/nogolike: unitchecker with
// analyzer.Analyzer and nogo's way of setting analyzer flags.
func buildNogoLikeVetTool(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "nogolike")
	cmd := exec.Command("go", "build", "-o", bin, "./testdata/nogolike")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// unitcheckerFindings runs go vet -json -vettool in GOPATH mode over
// testdata and reads the findings of its JSON tree.
func unitcheckerFindings(t *testing.T, testdata, vettool, cfgPath string) []string {
	t.Helper()
	args := []string{"vet", "-json", "-vettool=" + vettool}
	if cfgPath != "" {
		args = append(args, "-nogo-config="+cfgPath)
	}
	cmd := exec.Command("go", append(args, driverPatterns...)...)
	cmd.Dir = filepath.Join(testdata, "src")
	cmd.Env = append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOPROXY=off", "GOWORK=off", "GOFLAGS=-buildvcs=false")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go vet: %v\n%s", err, stderr.Bytes())
	}
	// go vet 1.26 copies the units' JSON trees to its standard output
	// (earlier versions wrote them to standard error).
	stdout.Write(stderr.Bytes())
	type diag struct{ Posn, Category, Message string }
	var out []string
	dec := json.NewDecoder(strings.NewReader(jsonOnly(stdout.String())))
	for dec.More() {
		var tree map[string]map[string]json.RawMessage // package -> analyzer -> diagnostics or error
		if err := dec.Decode(&tree); err != nil {
			t.Fatalf("go vet -json: %v\n%s", err, stdout.Bytes())
		}
		for pkg, byAnalyzer := range tree {
			var diags []diag
			if err := json.Unmarshal(byAnalyzer[analyzer.Analyzer.Name], &diags); err != nil {
				t.Fatalf("%s: %v: %s", pkg, err, byAnalyzer[analyzer.Analyzer.Name])
			}
			for _, d := range diags {
				out = append(out, finding(testdata, parsePosn(d.Posn), d.Category, d.Message))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// jsonOnly drops the "# package" lines go vet -json prints between the
// JSON trees.
func jsonOnly(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		if !strings.HasPrefix(line, "#") {
			b.WriteString(line)
		}
	}
	return b.String()
}

// parsePosn parses go vet's "file:line:col".
func parsePosn(s string) token.Position {
	var p token.Position
	rest, col, _ := cutLast(s)
	file, line, _ := cutLast(rest)
	p.Filename = file
	fmt.Sscan(line, &p.Line)
	fmt.Sscan(col, &p.Column)
	return p
}

func cutLast(s string) (before, after string, ok bool) {
	i := strings.LastIndex(s, ":")
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+1:], true
}

// packagesOf returns the directories the findings are in.
func packagesOf(findings []string) []string {
	var dirs []string
	for _, f := range findings {
		file, _, _ := strings.Cut(f, ":")
		dirs = append(dirs, filepath.Dir(file))
	}
	slices.Sort(dirs)
	return slices.Compact(dirs)
}

// restoreConfigFlags puts every flag of the config pass back to its value
// when the test ends (the flags are package state: tests that set them
// are not parallel).
func restoreConfigFlags(t *testing.T) {
	old := map[string]string{}
	config.Analyzer.Flags.VisitAll(func(f *flag.Flag) { old[f.Name] = f.Value.String() })
	t.Cleanup(func() {
		for name, v := range old {
			f := config.Analyzer.Flags.Lookup(name)
			if err := f.Value.Set(""); err != nil {
				t.Errorf("reset -%s: %v", name, err)
			}
			if err := f.Value.Set(v); err != nil {
				t.Errorf("restore -%s=%q: %v", name, v, err)
			}
		}
	})
}

// TestNoDriverKnobs: the analyzer and its passes declare no exported
// package-level variable of a scalar or function type, the kind of knob
// a driver sets (analyzer.KeepSuppressed was one: credlint's standalone
// driver set it, so the same Analyzer reported differently under nogo).
// Settings are flags; variants are analyzers of their own
// (analyzer.KeepingSuppressed).
func TestNoDriverKnobs(t *testing.T) {
	dirs, err := filepath.Glob("../passes/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range append(dirs, ".") {
		for _, name := range knobs(t, dir) {
			t.Errorf("%s: exported package variable %s: make it a flag of the config pass, or a separate analyzer", dir, name)
		}
	}
}

// knobs returns the exported package-level variables of the package in
// dir (test files aside) whose type is a basic type or a func, or whose
// value is a basic literal, true, false or a func literal.
func knobs(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	fset := token.NewFileSet()
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.VAR {
				continue
			}
			for _, spec := range gen.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, id := range vs.Names {
					var value ast.Expr
					if i < len(vs.Values) {
						value = vs.Values[i]
					}
					if id.IsExported() && (scalarType(vs.Type) || scalarValue(value)) {
						out = append(out, id.Name)
					}
				}
			}
		}
	}
	return out
}

func scalarType(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return slices.Contains([]string{"bool", "string", "int", "int64", "float64", "uint"}, e.Name)
	case *ast.FuncType:
		return true
	}
	return false
}

func scalarValue(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit, *ast.FuncLit:
		return true
	case *ast.Ident:
		return e.Name == "true" || e.Name == "false"
	}
	return false
}
