package output_test

import (
	"bytes"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// fake is an analyzer that reports every os.Setenv call the way credlint
// does: with a category, and one Related entry per hop of the path (root
// first), the last without an end position. The first call also carries a
// suggested fix.
var fake = &analysis.Analyzer{
	Name: "credlint",
	Doc:  "credlint: fake for output tests",
	URL:  "https://example.com/rules",
	Run:  runFake,
}

func runFake(pass *analysis.Pass) (any, error) {
	fixed := false
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				obj, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func)
				if !ok || obj.FullName() != "os.Setenv" {
					return true
				}
				d := analysis.Diagnostic{
					Pos:      call.Pos(),
					End:      call.End(),
					Category: "env-write-in-handler",
					Message:  "os.Setenv reachable from " + fn.Name.Name + " (may race with concurrent reads)",
					Related: []analysis.RelatedInformation{
						{Pos: fn.Name.Pos(), End: fn.Name.End(), Message: "handler " + fn.Name.Name},
						{Pos: call.Pos(), Message: "os.Setenv called here"},
					},
				}
				if !fixed {
					fixed = true
					d.SuggestedFixes = []analysis.SuggestedFix{{
						Message:   "Replace os.Setenv with shim.Setenv",
						TextEdits: []analysis.TextEdit{{Pos: sel.X.Pos(), End: sel.X.End(), NewText: []byte("shim")}},
					}}
				}
				pass.Report(d)
				return true
			})
		}
	}
	return nil, nil
}

const fakeSource = `package m

import "os"

func Serve() {
	os.Setenv("API_TOKEN", "x")
}

func Other() {
	_ = 1
	os.Setenv("B", "y")
}
`

// analyseFake writes a one-package module, runs fake on it with
// go/analysis/checker and returns the graph and the module directory.
func analyseFake(t *testing.T) (*checker.Graph, string) {
	t.Helper()
	dir := t.TempDir()
	dir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "go.mod"), "module example.com/m\n\ngo 1.26\n")
	write(t, filepath.Join(dir, "m.go"), fakeSource)
	cfg := &packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Dir: dir}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("fake package does not load")
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{fake}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return graph, dir
}

func reportOf(graph *checker.Graph) *output.Report {
	r := &output.Report{}
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			r.Findings = append(r.Findings, output.FromDiagnostic(act.Package.Fset, act.Package.ID, act.Analyzer.Name, d))
		}
	}
	return r
}

func write(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestJSONMatchesXTools checks that WriteJSON prints, byte for byte, what
// the go/analysis drivers print for the same diagnostics.
func TestJSONMatchesXTools(t *testing.T) {
	graph, _ := analyseFake(t)
	var want, got bytes.Buffer
	if err := graph.PrintJSON(&want); err != nil {
		t.Fatal(err)
	}
	if err := output.WriteJSON(&got, reportOf(graph)); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("WriteJSON differs from x/tools:\n--- got\n%s\n--- want\n%s", got.String(), want.String())
	}
}

func TestJSONExact(t *testing.T) {
	graph, dir := analyseFake(t)
	var got bytes.Buffer
	if err := output.WriteJSON(&got, reportOf(graph)); err != nil {
		t.Fatal(err)
	}
	m := filepath.Join(dir, "m.go")
	want := `{
	"example.com/m": {
		"credlint": [
			{
				"category": "env-write-in-handler",
				"posn": "` + m + `:6:2",
				"end": "` + m + `:6:29",
				"message": "os.Setenv reachable from Serve (may race with concurrent reads)",
				"suggested_fixes": [
					{
						"message": "Replace os.Setenv with shim.Setenv",
						"edits": [
							{
								"filename": "` + m + `",
								"start": 40,
								"end": 42,
								"new": "shim"
							}
						]
					}
				],
				"related": [
					{
						"posn": "` + m + `:5:6",
						"end": "` + m + `:5:11",
						"message": "handler Serve"
					},
					{
						"posn": "` + m + `:6:2",
						"end": "` + m + `:6:2",
						"message": "os.Setenv called here"
					}
				]
			},
			{
				"category": "env-write-in-handler",
				"posn": "` + m + `:11:2",
				"end": "` + m + `:11:21",
				"message": "os.Setenv reachable from Other (may race with concurrent reads)",
				"related": [
					{
						"posn": "` + m + `:9:6",
						"end": "` + m + `:9:11",
						"message": "handler Other"
					},
					{
						"posn": "` + m + `:11:2",
						"end": "` + m + `:11:2",
						"message": "os.Setenv called here"
					}
				]
			}
		]
	}
}
`
	if got.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.String(), want)
	}
}

func TestJSONErrors(t *testing.T) {
	r := &output.Report{
		Findings: []output.Finding{
			{Package: "example.com/bad", Analyzer: "credlint", Message: "hidden by the error"},
		},
		Errors: []output.Error{
			{Package: "example.com/bad", Analyzer: "credlint", Message: "not analysed: the package does not type-check"},
			{Package: "./empty", Analyzer: "credlint", Message: "no Go files"},
		},
	}
	var got bytes.Buffer
	if err := output.WriteJSON(&got, r); err != nil {
		t.Fatal(err)
	}
	want := `{
	"./empty": {
		"credlint": {
			"error": "no Go files"
		}
	},
	"example.com/bad": {
		"credlint": {
			"error": "not analysed: the package does not type-check"
		}
	}
}
`
	if got.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.String(), want)
	}

	got.Reset()
	if err := output.WriteJSON(&got, &output.Report{}); err != nil {
		t.Fatal(err)
	}
	if got.String() != "{}\n" {
		t.Errorf("empty report: got %q, want %q", got.String(), "{}\n")
	}
}

func TestTextPlain(t *testing.T) {
	graph, dir := analyseFake(t)
	r := reportOf(graph)
	// Reverse the findings and repeat one: Write sorts and drops repeats.
	r.Findings = append([]output.Finding{r.Findings[1], r.Findings[0]}, r.Findings[1])

	var got bytes.Buffer
	if err := (output.Text{Dir: dir}).Write(&got, r); err != nil {
		t.Fatal(err)
	}
	want := `m.go:6:2: os.Setenv reachable from Serve (may race with concurrent reads) [env-write-in-handler]
    m.go:5:6: handler Serve
    m.go:6:2: os.Setenv called here
m.go:11:2: os.Setenv reachable from Other (may race with concurrent reads) [env-write-in-handler]
    m.go:9:6: handler Other
    m.go:11:2: os.Setenv called here
`
	if got.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.String(), want)
	}

	// Outside Dir, names stay absolute; without a category, no brackets.
	got.Reset()
	r.Findings = r.Findings[:1]
	r.Findings[0].Category = ""
	r.Findings[0].Related = nil
	if err := (output.Text{Dir: filepath.Join(dir, "sub")}).Write(&got, r); err != nil {
		t.Fatal(err)
	}
	want = filepath.Join(dir, "m.go") + ":11:2: os.Setenv reachable from Other (may race with concurrent reads)\n"
	if got.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.String(), want)
	}
}

func TestTextColor(t *testing.T) {
	// NO_COLOR must not matter once the caller has decided (ShouldColor).
	t.Setenv("NO_COLOR", "1")
	graph, dir := analyseFake(t)
	r := reportOf(graph)
	r.Findings = r.Findings[:1]

	var got bytes.Buffer
	if err := (output.Text{Color: true, Dir: dir}).Write(&got, r); err != nil {
		t.Fatal(err)
	}
	want := "\x1b[1mm.go:6:2\x1b[22m: os.Setenv reachable from Serve (may race with concurrent reads) \x1b[36m[env-write-in-handler]\x1b[0m\n" +
		"    \x1b[2mm.go:5:6\x1b[22m: handler Serve\n" +
		"    \x1b[2mm.go:6:2\x1b[22m: os.Setenv called here\n"
	if got.String() != want {
		t.Errorf("got:\n%q\nwant:\n%q", got.String(), want)
	}
}

func TestWriteErrors(t *testing.T) {
	r := &output.Report{Errors: []output.Error{
		{Package: "example.com/bad", Analyzer: "credlint", Message: "not analysed: the package does not type-check:\n\tbad.go:3:1: undefined: x"},
	}}
	var got bytes.Buffer
	if err := (output.Text{}).WriteErrors(&got, r); err != nil {
		t.Fatal(err)
	}
	want := "credlint: example.com/bad: not analysed: the package does not type-check:\n\tbad.go:3:1: undefined: x\n"
	if got.String() != want {
		t.Errorf("got:\n%q\nwant:\n%q", got.String(), want)
	}
}

func TestRelPath(t *testing.T) {
	dir := filepath.FromSlash("/w/m")
	for _, tc := range []struct{ dir, name, want string }{
		{dir, "/w/m/a/a.go", "a/a.go"},
		{dir, "/w/m/a/a.go:3:4", "a/a.go:3:4"},
		{dir, "/w/other/a.go", "/w/other/a.go"},
		{dir, "/w/m2/a.go", "/w/m2/a.go"},
		{dir, "a/a.go", "a/a.go"},
		{"", "/w/m/a.go", "/w/m/a.go"},
	} {
		if got := output.RelPath(tc.dir, filepath.FromSlash(tc.name)); got != filepath.FromSlash(tc.want) {
			t.Errorf("RelPath(%q, %q) = %q, want %q", tc.dir, tc.name, got, tc.want)
		}
	}
}

func TestShouldColorPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	t.Setenv("NO_COLOR", "")
	if output.ShouldColor(w) {
		t.Error("ShouldColor(pipe) = true, want false")
	}
	if output.ShouldColor(nil) {
		t.Error("ShouldColor(nil) = true, want false")
	}
}

// TestTextWitnessCap checks that a finding reached from many roots prints
// the paths of the first TextWitnesses roots and counts the rest.
func TestTextWitnessCap(t *testing.T) {
	at := func(line int, msg string) output.Frame {
		return output.Frame{Posn: token.Position{Filename: "/m/a.go", Line: line, Column: 1}, Message: msg}
	}
	f := output.Finding{Posn: at(9, "").Posn, Message: "os.Setenv(\"K\") reachable from 5 roots", Category: "env-write-concurrent"}
	for i := range 5 {
		f.Witnesses = append(f.Witnesses, output.Witness{Frames: []output.Frame{at(i+1, "HTTP handler registered here"), at(9, "os.Setenv called here")}})
	}
	var got bytes.Buffer
	if err := (output.Text{Dir: "/m"}).Write(&got, &output.Report{Findings: []output.Finding{f}}); err != nil {
		t.Fatal(err)
	}
	want := `a.go:9:1: os.Setenv("K") reachable from 5 roots [env-write-concurrent]
    a.go:1:1: HTTP handler registered here (root 1 of 5)
    a.go:9:1: os.Setenv called here
    a.go:2:1: HTTP handler registered here (root 2 of 5)
    a.go:9:1: os.Setenv called here
    a.go:3:1: HTTP handler registered here (root 3 of 5)
    a.go:9:1: os.Setenv called here
    ... and 2 more roots (-format=json and -format=sarif list every root)
`
	if got.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.String(), want)
	}
}
