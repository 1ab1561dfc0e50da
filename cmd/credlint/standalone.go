package main

import (
	"fmt"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// analyse loads the packages that patterns match, analyses the ones that
// load cleanly, prints the findings on stdout and the errors on stderr,
// and returns the exit code.
func analyse(root *analysis.Analyzer, patterns []string, o *options, stdout, stderr *os.File) int {
	cwd, _ := os.Getwd() // "" only disables relative paths
	pkgs, err := load(root, patterns, o)
	if err != nil {
		fmt.Fprintf(stderr, "%s: cannot load packages: %s\n", progname, loadFailure(err))
		return exitError
	}
	if len(pkgs) == 0 {
		fmt.Fprintf(stderr, "%s: %s matched no packages\n", progname, strings.Join(patterns, " "))
		return exitError
	}

	roots := selectRoots(pkgs)
	report := &output.Report{}
	if ok := checkLoaded(report, root.Name, pkgs, roots, cwd); len(ok) > 0 {
		graph, err := checker.Analyze([]*analysis.Analyzer{root}, ok, nil)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", progname, err)
			return exitError
		}
		collect(report, graph)
	}

	text := output.Text{Color: output.ShouldColor(stdout), Dir: cwd}
	if err := (output.Text{Dir: cwd}).WriteErrors(stderr, report); err != nil {
		return exitError
	}
	if o.json {
		err = output.WriteJSON(stdout, report)
	} else {
		err = text.Write(stdout, report)
	}
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "%s: writing output: %v\n", progname, err)
		return exitError
	case len(report.Errors) > 0:
		return exitError
	case len(report.Findings) > 0:
		return exitFindings
	}
	return exitOK
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

// collect adds the findings and analysis errors of graph's roots to r.
func collect(r *output.Report, graph *checker.Graph) {
	for _, act := range graph.Roots {
		pkg := act.Package
		if act.Err != nil {
			r.Errors = append(r.Errors, output.Error{
				Package:  pkg.ID,
				Analyzer: act.Analyzer.Name,
				Message:  "analysis failed: " + failureCause(act),
			})
			continue
		}
		for _, d := range act.Diagnostics {
			r.Findings = append(r.Findings, output.FromDiagnostic(pkg.Fset, pkg.ID, act.Analyzer.Name, d))
		}
	}
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
