package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/analyzer"
)

// TestShimDefaultPath checks that the profileenv functions count as their
// os twins (no profile is attached as far as the analysis can tell): a
// swap's writes are reported before and after -fix moved the reads onto
// profileenv, and a child whose Env comes from profileenv inherits
// (issue 16).
func TestShimDefaultPath(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "shimdefault/...")
}
