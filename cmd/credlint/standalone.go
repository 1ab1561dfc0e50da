package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
	"github.com/credlint/credlint/cmd/credlint/internal/program"
	"github.com/credlint/credlint/passes/config"
	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// analyse analyses the packages that patterns match, prints the findings
// on stdout (in the format o asks for) and the errors on stderr, and
// returns the exit code. It runs the go vet engine (vetengine.go) when it
// can, and analyses in process otherwise.
func analyse(root *analysis.Analyzer, patterns []string, o *options, stdout, stderr *os.File) int {
	cwd, _ := os.Getwd()
	res, code := analyseFindings(root, patterns, o, stderr)
	if res == nil {
		return code
	}
	report := res.report
	report.Findings = dropFindingsIn(report.Findings, o.excludes)
	if err := (output.Text{Dir: cwd}).WriteErrors(stderr, report); err != nil {
		return exitError
	}
	if o.writeBaseline != "" {
		return writeBaseline(o.writeBaseline, report, res.srcRoot, stderr)
	}
	if o.baseline != "" {
		if err := applyBaseline(o.baseline, report); err != nil {
			fmt.Fprintf(stderr, "%s: -baseline: %v\n", progname, err)
			return exitError
		}
		reportBaseline(stderr, o.baseline, report)
	}
	if err := writeFindings(stdout, stderr, report, res, o, cwd); err != nil {
		fmt.Fprintf(stderr, "%s: writing output: %v\n", progname, err)
		return exitError
	}
	switch {
	case len(report.Errors) > 0:
		return exitError
	case o.exitZero:
		return exitOK
	case len(report.Counted()) > 0:
		return exitFindings
	}
	return exitOK
}

// analyseFindings returns the report of the packages that patterns match,
// with the findings that o asks for: the whole program's, or go vet's
// per package with -json. It returns nil and the exit code when nothing
// could be analysed (the errors are printed).
func analyseFindings(root *analysis.Analyzer, patterns []string, o *options, stderr io.Writer) (*runResult, int) {
	if o.engine.name != engineProcess {
		why := vetEngineUnusable(o)
		if why != "" && o.engine.name == engineVet {
			fmt.Fprintf(stderr, "%s: -engine=vet does not work with %s\n", progname, why)
			return nil, exitError
		}
		if why == "" {
			findings, err := analyseWithVet(patterns, o, o.json)
			if err == nil {
				res := &runResult{report: &output.Report{Findings: findings}}
				if err := res.setSrcRoot(o); err != nil {
					fmt.Fprintf(stderr, "%s: -srcroot: %v\n", progname, err)
					return nil, exitError
				}
				return res, exitOK
			}
			if o.engine.name == engineVet {
				fmt.Fprintf(stderr, "%s: -engine=vet: %v\n\tRun with -engine=process to see each problem and analyse the other packages.\n", progname, err)
				return nil, exitError
			}
		}
	}
	res, code := analyseProgram(root, patterns, o, stderr)
	if res == nil {
		return nil, code
	}
	if o.json {
		res.report.Findings = res.program.PerPackage()
	} else {
		res.report.Findings = res.program.Findings()
	}
	return res, exitOK
}

// A runResult is what one standalone run computed.
type runResult struct {
	report  *output.Report
	program *program.Program // nil from the go vet engine
	srcRoot string           // the directory repository-relative paths start from
}

// setSrcRoot sets the directory that repository-relative paths start
// from: -srcroot, or the repository around the workspace or module the go
// command works in, or around the current directory.
func (res *runResult) setSrcRoot(o *options) error {
	if o.srcRoot != "" {
		var err error
		res.srcRoot, err = filepath.Abs(o.srcRoot)
		return err
	}
	cwd, _ := os.Getwd()
	res.srcRoot = program.SrcRoot(cmp.Or(mainModuleDir(), cwd))
	return nil
}

// analyseProgram loads and analyses the packages that patterns match. It
// returns nil and the exit code when nothing could be analysed at all (the
// errors are printed); otherwise the load and analysis errors are in the
// report, for the caller to print.
func analyseProgram(root *analysis.Analyzer, patterns []string, o *options, stderr io.Writer) (*runResult, int) {
	cwd, _ := os.Getwd()
	pkgs, err := load(root, patterns, o)
	if err != nil {
		fmt.Fprintf(stderr, "%s: cannot load packages: %s\n", progname, loadFailure(err))
		return nil, exitError
	}
	if len(pkgs) == 0 {
		fmt.Fprintf(stderr, "%s: %s matched no packages\n", progname, strings.Join(patterns, " "))
		return nil, exitError
	}
	report := &output.Report{}
	var units []*program.Unit
	if ok := checkLoaded(report, root.Name, pkgs, selectRoots(pkgs), cwd); len(ok) > 0 {
		// The helper passes are roots too, so that the checker keeps their
		// results: the whole-program view reads every root's accesses.
		// The whole-program formats list findings a //credlint:ignore
		// covers as suppressed (SARIF); go vet's JSON tree drops them.
		if !o.json {
			root = keepingSuppressed(root)
		}
		graph, err := checker.Analyze([]*analysis.Analyzer{root, roots.Analyzer, envaccess.Analyzer}, ok, nil)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", progname, err)
			return nil, exitError
		}
		units = collect(report, graph, root)
	}
	res := &runResult{report: report, program: program.New(pkgs, units, config.Current())}
	if err := res.setSrcRoot(o); err != nil {
		fmt.Fprintf(stderr, "%s: -srcroot: %v\n", progname, err)
		return nil, exitError
	}
	return res, exitOK
}

// load runs go/packages with the mode go/analysis/checker needs: full
// syntax for every dependency when some analyzer in the graph uses facts
// (they are computed on dependencies from source), syntax of the roots
// only otherwise.
func load(root *analysis.Analyzer, patterns []string, o *options) ([]*packages.Package, error) {
	mode := packages.LoadSyntax
	if usesFacts(root) {
		mode = packages.LoadAllSyntax
	}
	cfg := &packages.Config{
		Mode:  mode | packages.NeedModule | packages.NeedForTest,
		Tests: o.test,
	}
	if o.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + o.tags}
	}
	return packages.Load(cfg, patterns...)
}

// loadFailure returns the go command's own words from an error of
// packages.Load, which wraps them as "err: exit status 1: stderr: go: ...",
// with a hint for the common case of running outside a module.
func loadFailure(err error) string {
	msg := err.Error()
	if _, after, ok := strings.Cut(msg, "stderr: "); ok {
		msg = after
	}
	msg = strings.TrimSpace(msg)
	if strings.Contains(msg, "go.mod file not found") {
		msg += "\n\tRun credlint inside a module (go mod init creates one)."
	}
	return msg
}

// usesFacts reports whether a or any analyzer it requires has fact types.
func usesFacts(a *analysis.Analyzer) bool {
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer) bool
	visit = func(a *analysis.Analyzer) bool {
		if seen[a] {
			return false
		}
		seen[a] = true
		if len(a.FactTypes) > 0 {
			return true
		}
		for _, req := range a.Requires {
			if visit(req) {
				return true
			}
		}
		return false
	}
	return visit(a)
}

// A rootPkg is a package that credlint analyses and reports on.
type rootPkg struct {
	pkg *packages.Package
	// plain is, for a test variant "p [p.test]", the package p itself,
	// which is analysed instead when the variant does not load (a test
	// file that does not compile must not hide findings in p).
	plain *packages.Package
}

// selectRoots picks the packages to report on, as go vet does: with tests,
// a package p that has in-package tests is analysed as its test variant
// "p [p.test]" (which holds all of p's files, so each file is analysed
// once), its external test package "p_test [p.test]" on its own, and the
// generated test main "p.test" not at all.
func selectRoots(pkgs []*packages.Package) []rootPkg {
	variant := map[string]*packages.Package{} // p's path -> "p [p.test]"
	for _, p := range pkgs {
		if p.ForTest != "" && p.PkgPath == p.ForTest {
			variant[p.PkgPath] = p
		}
	}
	var roots []rootPkg
	for _, p := range pkgs {
		switch {
		case isTestMain(p, variant):
			// generated; nothing of the user's to report
		case p.ForTest == "" && variant[p.PkgPath] != nil:
			// analysed as its test variant
		case p.ForTest != "" && p.PkgPath == p.ForTest:
			roots = append(roots, rootPkg{pkg: p, plain: plainOf(pkgs, p)})
		default:
			roots = append(roots, rootPkg{pkg: p})
		}
	}
	return roots
}

// isTestMain reports whether p is the generated main package "x.test" of
// the tests of a package x among the loaded ones.
func isTestMain(p *packages.Package, variant map[string]*packages.Package) bool {
	x, ok := strings.CutSuffix(p.PkgPath, ".test")
	if !ok || p.Name != "main" || p.ForTest != "" || p.ID != p.PkgPath {
		return false
	}
	if variant[x] != nil {
		return true
	}
	// x has only external tests: its test main imports "x_test [x.test]".
	for _, imp := range p.Imports {
		if imp.ForTest == x {
			return true
		}
	}
	return false
}

func plainOf(pkgs []*packages.Package, v *packages.Package) *packages.Package {
	for _, p := range pkgs {
		if p.ForTest == "" && p.PkgPath == v.PkgPath && p.ID == p.PkgPath {
			return p
		}
	}
	return nil
}

// collect records the analysis errors of graph's roots in r and returns
// the units that root analysed.
func collect(r *output.Report, graph *checker.Graph, root *analysis.Analyzer) []*program.Unit {
	units, failed := program.Units(graph, root)
	for _, act := range failed {
		r.Errors = append(r.Errors, output.Error{
			Package:  act.Package.ID,
			Analyzer: act.Analyzer.Name,
			Message:  "analysis failed: " + failureCause(act),
		})
	}
	return units
}

// failureCause explains why act failed. An action whose prerequisites
// failed only says "failed prerequisites: a@p, ..."; name the actions
// that failed on their own instead, with their errors.
func failureCause(act *checker.Action) string {
	var causes []string
	seen := map[*checker.Action]bool{}
	var visit func(a *checker.Action)
	visit = func(a *checker.Action) {
		if seen[a] || a.Err == nil {
			return
		}
		seen[a] = true
		own := true
		for _, dep := range a.Deps {
			if dep.Err != nil {
				own = false
				visit(dep)
			}
		}
		if own {
			causes = append(causes, fmt.Sprintf("%s on %s: %v", a.Analyzer.Name, a.Package.ID, a.Err))
		}
	}
	visit(act)
	return strings.Join(causes, "; ")
}

// dropFindingsIn drops the findings shown in a package that excludes'
// -exclude-pkgs patterns match (see moveExcludes); a nil excludes keeps
// them all.
func dropFindingsIn(fs []output.Finding, excludes *config.Config) []output.Finding {
	if excludes == nil {
		return fs
	}
	kept := fs[:0]
	for _, f := range fs {
		if !excludes.ExcludesPackage(f.Package) {
			kept = append(kept, f)
		}
	}
	return kept
}
