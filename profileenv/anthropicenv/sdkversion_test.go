package anthropicenv_test

import (
	"testing"

	"github.com/credlint/credlint/profileenv/internal/adapttest"
)

// TestDocNamesSDKVersion: doc.go says which version of the SDK its list of
// variables was read in, the one go.mod requires.
func TestDocNamesSDKVersion(t *testing.T) {
	adapttest.DocNamesSDKVersion(t, "github.com/anthropics/anthropic-sdk-go/v2", "anthropic-sdk-go")
}
