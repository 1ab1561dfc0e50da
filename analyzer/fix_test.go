package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/passes/config"
)

// TestFixes applies every suggested fix of the fixtures under
// testdata/src/fixes and compares the result with the .golden files. A
// fixture without a .golden file (fixes/dotimport) must get no edits.
// Reads from goroutines with no writer get fixes too, so it turns on the
// advice rule they belong to; it sets a flag, so it is not parallel.
func TestFixes(t *testing.T) {
	setRules(t, analyzer.RuleSharedRead)
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzer.Analyzer,
		"fixes/read", "fixes/thread", "fixes/exec", "fixes/alias", "fixes/shadow", "fixes/generated", "fixes/mirror", "fixes/threadclash", "fixes/ignored", "fixes/embedcmd", "fixes/dotimport", "fixes/mirrorsrc", "fixes/frameworks", "fixes/swapread", "fixes/mirrorcross")
}

// TestContextReadsFixes runs the -context-reads mode on a library without
// roots. It sets a flag, so it is not parallel.
func TestContextReadsFixes(t *testing.T) {
	f := config.Analyzer.Flags.Lookup(config.FlagContextReads)
	if err := f.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set("false") })
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzer.Analyzer, "fixes/contextreads")
}

// setRules sets -rules for one test and restores the defaults after it.
func setRules(t *testing.T, value string) {
	t.Helper()
	f := config.Analyzer.Flags.Lookup(config.FlagRules)
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set("") })
}
