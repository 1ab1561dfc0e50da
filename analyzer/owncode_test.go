package analyzer_test

import (
	"path/filepath"
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
// writes is a request read when the program's own code makes it, and
// silent when another module's code does (an SDK's default chain); with a
// writer in view both are races.
func TestOwnModuleReads(t *testing.T) {
	analysistest.Run(t, ownModule(), analyzer.Analyzer, "example.com/app/...")
}

// TestOtherModuleReadIsAdvice: the SDK's read the default rules drop is
// cred-read-shared advice, listed when that rule is on.
func TestOtherModuleReadIsAdvice(t *testing.T) {
	setRules(t, analyzer.RuleSharedRead)
	results := analysistest.Run(&quiet{T: t}, ownModule(), analyzer.Analyzer, "example.com/app")
	var shared []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Category == analyzer.RuleSharedRead {
				shared = append(shared, d.Message)
			}
		}
	}
	if len(shared) != 1 || !strings.HasPrefix(shared[0], `os.Getenv("SDK_API_KEY") reads a credential reachable from HTTP handler handleSDK (advice: `) {
		t.Errorf("cred-read-shared findings %q, want one, of SDK_API_KEY from handleSDK", shared)
	}
}
