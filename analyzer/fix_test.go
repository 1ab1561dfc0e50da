package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/analyzer"
)

// TestFixes applies every suggested fix of the fixtures under
// testdata/src/fixes and compares the result with the .golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzer.Analyzer,
		"fixes/read", "fixes/thread", "fixes/exec", "fixes/alias", "fixes/shadow", "fixes/generated")
}
