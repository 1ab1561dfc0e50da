package main

// probeSource is compiled into a second test binary, "credlint-probe", by
// go build -overlay (see TestMain): the product's source tree is not
// touched. It gives the end-to-end tests what today's analyzer cannot:
//
//   - findings: it wraps analyzer.Analyzer's Run (and that of
//     analyzer.KeepingSuppressed, its variant) and also reports every
//     os.Setenv call, as credlint reports (category, message, and one
//     Related entry per hop), so the tests can check the text and JSON
//     output, exit code 3, and that packages next to broken ones are
//     still analysed;
//   - an analysis error: it fails on any package whose path ends in
//     "/failme", so the tests can check how analysis errors are reported;
//   - a finding that an ignore directive covers, reported the way the
//     driver expects from an analyzer that keeps such findings for SARIF
//     (a last related entry "suppressed by //credlint:ignore <rule>:
//     <reason>"), for every os.Setenv in a function named Suppressed;
//   - flags that log their values: -probe-keys (string), -probe-bool, and
//     -cred-keys when the config pass does not define it yet, so the tests
//     can see that a value given to go vet or to credlint reaches the pass
//     that owns the flag. The value "BAD" is rejected, as a validating
//     flag.Value would.
const probeSource = `package main

import (
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/passes/config"
)

type probeValue struct{ name, v string }

func (p *probeValue) String() string { return p.v }
func (p *probeValue) Set(s string) error {
	if s == "BAD" {
		return fmt.Errorf("probe rejects %q", s)
	}
	p.v = s
	probeLog(p.name, s)
	return nil
}

type probeBool struct{ v bool }

func (p *probeBool) IsBoolFlag() bool { return true }
func (p *probeBool) String() string   { return strconv.FormatBool(p.v) }
func (p *probeBool) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	p.v = b
	probeLog("probe-bool", s)
	return nil
}

func probeLog(name, value string) {
	f, err := os.OpenFile(os.Getenv("CREDLINT_PROBE_LOG"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	fmt.Fprintf(f, "%s=%s\n", name, value)
	f.Close()
}

func init() {
	fs := &config.Analyzer.Flags
	fs.Var(&probeValue{name: "probe-keys"}, "probe-keys", "probe: a string flag")
	fs.Var(&probeBool{}, "probe-bool", "probe: a boolean flag")
	if fs.Lookup("cred-keys") == nil {
		fs.Var(&probeValue{name: "cred-keys"}, "cred-keys", "probe: stands in for the config pass's -cred-keys")
	}
	// The driver runs analyzer.KeepingSuppressed for the whole-program
	// formats, analyzer.Analyzer for the others: wrap both.
	for _, a := range []*analysis.Analyzer{analyzer.Analyzer, analyzer.KeepingSuppressed} {
		run := a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			if strings.HasSuffix(pass.Pkg.Path(), "/failme") {
				return nil, fmt.Errorf("probe: failing on purpose")
			}
			res, err := run(pass)
			if err == nil {
				probeReport(pass)
			}
			return res, err
		}
	}
}

func probeReport(pass *analysis.Pass) {
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
				if obj, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func); !ok || obj.FullName() != "os.Setenv" {
					return true
				}
				d := analysis.Diagnostic{
					Pos:      call.Pos(),
					End:      call.End(),
					Category: "probe-env-write",
					Message:  "probe: os.Setenv in " + fn.Name.Name,
					Related: []analysis.RelatedInformation{
						{Pos: fn.Name.Pos(), Message: "in function " + fn.Name.Name},
						{Pos: call.Pos(), Message: "os.Setenv called here"},
					},
				}
				if fn.Name.Name == "Suppressed" {
					d.Related = append(d.Related, analysis.RelatedInformation{
						Pos: fn.Doc.Pos(), Message: "suppressed by //credlint:ignore probe-env-write: set once at startup"})
				}
				pass.Report(d)
				return true
			})
		}
	}
}
`
