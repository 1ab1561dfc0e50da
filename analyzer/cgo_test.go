package analyzer_test

import (
	"os"
	"os/exec"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/analyzer"
)

// TestCgoFiles checks that a hand-written file importing "C" is user code:
// the loader hands over cgo's output, which carries cgo's own "Code
// generated" header above the user's text.
func TestCgoFiles(t *testing.T) {
	if os.Getenv("CGO_ENABLED") == "0" {
		t.Skip("cgo disabled")
	}
	if _, err := exec.LookPath("cc"); err != nil {
		t.Skip("no C compiler")
	}
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "cgo/handler")
}
