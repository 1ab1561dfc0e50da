package openaienv_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestDocNamesSDKVersion: the package documentation says which version of
// the SDK it was read in; when go.mod moves to another, the SDK's reads
// must be read again and the documentation updated.
func TestDocNamesSDKVersion(t *testing.T) {
	gomod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*github\.com/openai/openai-go/v3 (v\S+)`).FindSubmatch(gomod)
	if m == nil {
		t.Fatal("go.mod does not require github.com/openai/openai-go/v3")
	}
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	if want := "openai-go " + string(m[1]); !strings.Contains(string(doc), want) {
		t.Errorf("doc.go does not say %q: read the SDK's environment reads again at that version", want)
	}
}
