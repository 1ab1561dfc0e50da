// Package adapttest holds checks every SDK adapter's tests share.
package adapttest

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// DocNamesSDKVersion fails t unless doc.go, in the current directory (an
// adapter module's root), names the version of sdkModule that go.mod
// requires, as "<docName> <version>". An adapter's documentation lists the
// variables its SDK reads at that version; when go.mod moves to another,
// the SDK's reads must be read again and the documentation updated.
func DocNamesSDKVersion(t *testing.T, sdkModule, docName string) {
	t.Helper()
	gomod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(sdkModule) + ` (v\S+)`).FindSubmatch(gomod)
	if m == nil {
		t.Fatalf("go.mod does not require %s", sdkModule)
	}
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	if want := docName + " " + string(m[1]); !strings.Contains(string(doc), want) {
		t.Errorf("doc.go does not say %q: read the SDK's environment reads again at that version", want)
	}
}
