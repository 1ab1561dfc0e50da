package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/analyzer"
)

// TestSDKFixes applies the fixes of reads inside SDKs with a row in
// sdks.Table (issue 14): one fixture per row, each with a plain call,
// existing options, an opts... spread, a context threaded through an
// unexported helper, no context (message only), an already fixed call
// (silent) and the SDK's own explicit option settling its key; sdktwo has
// two findings at one call sharing one fix, sdkdot a dot import that a
// wrap could leave unused (no fix). Most reads have no writer in view, so
// it turns on the advice rule they belong to.
func TestSDKFixes(t *testing.T) {
	setRules(t, analyzer.RuleSharedRead)
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzer.Analyzer,
		"fixes/sdkopenai", "fixes/sdkanthropic", "fixes/sdkaws", "fixes/sdkgoogle", "fixes/sdkazure", "fixes/sdktwo", "fixes/sdkdot", "fixes/sdkcross/...")
}
