package credkeys

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
)

// docPath is docs/credential-keys.md of the credlint repository, seen from
// this package: the package lives in the profileenv module, nested in the
// repository at profileenv/credkeys.
const docPath = "../../docs/credential-keys.md"

// readDoc returns the text at docPath. It skips the test when the package is
// not inside a checkout of the repository (the profileenv module fetched on
// its own into the module cache carries no docs), and fails when the
// checkout has lost the page.
func readDoc(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(docPath)
	if errors.Is(err, fs.ErrNotExist) {
		if mod, err := os.ReadFile("../../go.mod"); err != nil || !bytes.HasPrefix(mod, []byte("module github.com/credlint/credlint\n")) {
			t.Skip("not in a checkout of the credlint repository: no docs/credential-keys.md to compare with")
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDocsListEveryEntry keeps docs/credential-keys.md in step with the
// tables in known.go: every exact name, family and word must appear there as
// a code span.
func TestDocsListEveryEntry(t *testing.T) {
	doc := readDoc(t)
	check := func(table, entry string) {
		if !strings.Contains(doc, "`"+entry+"`") {
			t.Errorf("%s does not list %s entry `%s`", docPath, table, entry)
		}
	}
	for name := range knownCredentials {
		check("knownCredentials", name)
	}
	for name := range lookalikes {
		check("lookalikes", name)
	}
	for _, f := range familyPrefixes {
		check("familyPrefixes", f.prefix+"*")
	}
	for _, s := range fusedSuffixes {
		check("fusedSuffixes", s)
	}
	for table, words := range map[string]map[string]bool{
		"strongWords":       strongWords,
		"weakWords":         weakWords,
		"lastOnlyWords":     lastOnlyWords,
		"locatorSuffixes":   locatorSuffixes,
		"locatingSuffixes":  locatingSuffixes,
		"nonSecretKeyKinds": nonSecretKeyKinds,
		"profilingKinds":    profilingKinds,
		"quantifiers":       quantifiers,
		"suffixNegators":    suffixNegators,
		"datastoreWords":    datastoreWords,
	} {
		for w := range words {
			check(table, w)
		}
	}
}

// TestDocsLeftOutByDesign checks the doc's list of names that the token rules
// leave out: each must classify as NotCredential.
func TestDocsLeftOutByDesign(t *testing.T) {
	_, section, ok := strings.Cut(readDoc(t), "Names the token rules leave out by design")
	section, _, ok2 := strings.Cut(section, "### Deliberate choices")
	if !ok || !ok2 {
		t.Fatal("docs/credential-keys.md: list of names left out by design not found")
	}
	names := regexp.MustCompile("`([A-Za-z0-9_]+)`").FindAllStringSubmatch(section, -1)
	if len(names) < 20 {
		t.Fatalf("found only %d names in the list", len(names))
	}
	for _, m := range names {
		if c, why := Default().Explain(m[1]); c != NotCredential {
			t.Errorf("docs say %s is left out, but it is %v (%s)", m[1], c, why)
		}
	}
}
