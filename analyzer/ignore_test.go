package analyzer

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestDirectiveEchoesRuleQuoted: an unknown rule is shown quoted and cut
// short, so a byte order mark or invalid byte is visible and a 300 KB word
// does not fill the terminal (issue 16).
func TestDirectiveEchoesRuleQuoted(t *testing.T) {
	long := strings.Repeat("x", 300<<10)
	for text, want := range map[string]string{
		ignorePrefix + " \ufeffenv-write-concurrent why":    `unknown rule "\ufeffenv-write-concurrent" (rules:`,
		ignorePrefix + " env-write\x80 why":                 `unknown rule "env-write\x80" (rules:`,
		ignorePrefix + " " + long + " why":                  `unknown rule "xxxxxxxx`,
		ignorePrefix + " env-write-concurrent":              `for env-write-concurrent needs a reason`,
		ignorePrefix + " env-write-concurrent set at start": ``,
	} {
		_, _, malformed, ok := parseDirectiveText(text)
		if !ok || !strings.Contains(malformed, want) || (want == "") != (malformed == "") {
			t.Errorf("parseDirectiveText(%.60q) = %.200q, %v; want it to contain %q", text, malformed, ok, want)
		}
		if len(malformed) > 1000 {
			t.Errorf("parseDirectiveText(%.60q): message of %d bytes", text, len(malformed))
		}
	}
}

// FuzzDirective: any comment text parses without panicking; a directive is
// recognised only after the exact prefix, a valid one has a known rule and
// a reason, and the message stays short and valid UTF-8.
func FuzzDirective(f *testing.F) {
	for _, s := range []string{"", "//", ignorePrefix, ignorePrefix + " ", ignorePrefix + "x",
		ignorePrefix + " env-write-concurrent set once", ignorePrefix + "\tcred-read-concurrent\tok",
		ignorePrefix + " nope why", ignorePrefix + " \ufeffenv-write-concurrent why", "/*credlint:ignore x y*/",
		ignorePrefix + " env-write\xff why", ignorePrefix + " " + strings.Repeat("r", 200) + " why"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rule, reason, malformed, ok := parseDirectiveText(text)
		if !ok {
			if strings.HasPrefix(text, ignorePrefix+" ") || text == ignorePrefix {
				t.Fatalf("%q is a directive", text)
			}
			return
		}
		if malformed == "" && (reason == "" || !slices.Contains(rules, rule)) {
			t.Fatalf("%q: valid with rule %q, reason %q", text, rule, reason)
		}
		if len(malformed) > 2000 || !utf8.ValidString(malformed) {
			t.Fatalf("%q: message %q", text, malformed)
		}
	})
}
