package analyzer

import (
	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/passes/config"
)

// Analyzer reports racy environment use reachable from concurrent roots.
var Analyzer = &analysis.Analyzer{
	Name:     "credlint",
	Doc:      "credlint: report racy environment use on concurrent paths",
	URL:      "https://github.com/credlint/credlint/blob/main/docs/rules.md",
	Requires: []*analysis.Analyzer{config.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) { return nil, nil }
