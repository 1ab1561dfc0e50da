package analyzer_test

import (
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/analyzer"
)

// ownModule is a module (example.com/app) whose handlers read credentials
// in its own packages and through an SDK of another module
// (example.com/sdk, replaced by a directory).
func ownModule() string { return filepath.Join(analysistest.TestData(), "ownmodule") }

// TestOwnModuleReads: with the default rules, a credential read nothing
// writes is a request read when the handler's own package makes it, and
// silent behind a package boundary (another package of the module, an
// SDK's default chain); with a writer in view all are races.
func TestOwnModuleReads(t *testing.T) {
	analysistest.Run(t, ownModule(), analyzer.Analyzer, "example.com/app/...")
}

// TestOtherPackageReadIsAdvice: the reads the default rules drop because
// another package makes them are cred-read-shared advice, listed when
// that rule is on.
func TestOtherPackageReadIsAdvice(t *testing.T) {
	setRules(t, analyzer.RuleSharedRead)
	results := analysistest.Run(&quiet{T: t}, ownModule(), analyzer.Analyzer, "example.com/app")
	var shared []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Category == analyzer.RuleSharedRead {
				shared = append(shared, d.Message[:strings.Index(d.Message, " (")])
			}
		}
	}
	sort.Strings(shared)
	want := []string{
		`os.Getenv("APP_API_KEY") reads a credential reachable from HTTP handler api.Handle`,
		`os.Getenv("APP_API_KEY") reads a credential reachable from HTTP handler handleProviders`,
		`os.Getenv("SDK_API_KEY") reads a credential reachable from HTTP handler handleSDK`,
	}
	if !slices.Equal(shared, want) {
		t.Errorf("cred-read-shared findings\n%q\nwant\n%q", shared, want)
	}
}
