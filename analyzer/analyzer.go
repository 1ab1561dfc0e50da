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

func run(pass *analysis.Pass) (any, error) {
	cfg := pass.ResultOf[config.Analyzer].(*config.Config)
	if cfg.ExcludesPackage(pass.Pkg.Path()) {
		return nil, nil
	}
	rep := newReporter(pass)
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
