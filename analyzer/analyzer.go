package analyzer

import (
	_ "embed"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/passes/config"
	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// docsBase is where the rules are documented; drivers append #<category>.
const docsBase = "https://github.com/credlint/credlint/blob/main/docs"

// Analyzer reports racy environment use reachable from concurrent roots.
var Analyzer = &analysis.Analyzer{
	Name:     "credlint",
	Doc:      analyzerDoc(),
	URL:      docsBase + "/rules.md",
	Requires: []*analysis.Analyzer{config.Analyzer, roots.Analyzer, envaccess.Analyzer},
	Run:      run,
}

// KeepingSuppressed is Analyzer, except that it also reports the findings
// that a //credlint:ignore directive covers, each with a last related
// entry at the directive: "suppressed by //credlint:ignore <rule>:
// <reason>". credlint's whole-program formats list them as suppressed
// (SARIF); go vet, golangci-lint and nogo run Analyzer, which drops them.
// It is a second analyzer rather than a package variable that a driver
// sets, so that what Analyzer reports depends on its flags alone
// (docs/bazel.md). It shares Requires and flags with Analyzer.
var KeepingSuppressed = keepingSuppressed()

func keepingSuppressed() *analysis.Analyzer {
	a := *Analyzer
	a.Run = func(pass *analysis.Pass) (any, error) { return analyse(pass, true) }
	return &a
}

func run(pass *analysis.Pass) (any, error) { return analyse(pass, false) }

// analyse reports the package's findings, and those an ignore directive
// covers too when keepSuppressed is set.
func analyse(pass *analysis.Pass, keepSuppressed bool) (any, error) {
	cfg := pass.ResultOf[config.Analyzer].(*config.Config)
	if cfg.ExcludesPackage(pass.Pkg.Path()) {
		return nil, nil
	}
	rep := newReporter(pass, keepSuppressed)
	for _, f := range newChecker(pass).check() {
		rep.report(f)
	}
	rep.ignores.reportProblems(pass, cfg)
	return nil, nil
}

//go:embed doc.go
var docSource string

// analyzerDoc extracts the "# Analyzer credlint" section of doc.go, so the
// help text lives in one place.
func analyzerDoc() string {
	_, after, ok := strings.Cut(docSource, "# Analyzer credlint\n")
	if !ok {
		return "credlint: report racy environment use on concurrent paths"
	}
	body, _, _ := strings.Cut(after, "\npackage ")
	var lines []string
	for _, l := range strings.Split(body, "\n") {
		l = strings.TrimPrefix(strings.TrimPrefix(l, "//"), " ")
		lines = append(lines, l)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
