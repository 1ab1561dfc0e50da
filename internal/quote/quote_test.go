package quote

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestShort(t *testing.T) {
	for in, want := range map[string]string{
		"":                            `""`,
		"env-write":                   `"env-write"`,
		"\ufeffenv-write-concurrent":  `"\ufeffenv-write-concurrent"`,
		"example.com/\x80":            `"example.com/\x80"`,
		strings.Repeat("A", Max):      `"` + strings.Repeat("A", Max) + `"`,
		strings.Repeat("A", 300<<10):  `"` + strings.Repeat("A", Max) + `" (first 64 of 307200 bytes)`,
		strings.Repeat("é", 40):       `"` + strings.Repeat("é", 32) + `" (first 64 of 80 bytes)`,
		"A" + strings.Repeat("é", 40): `"A` + strings.Repeat("é", 31) + `" (first 63 of 81 bytes)`,
	} {
		if got := Short(in); got != want {
			t.Errorf("Short(%.20q) = %.100s, want %.100s", in, got, want)
		}
	}
}

// FuzzShort: the result is bounded, valid UTF-8, and input that fits is
// quoted whole.
func FuzzShort(f *testing.F) {
	for _, s := range []string{"", "a", "\xff", strings.Repeat("é", 40), strings.Repeat("\x80", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Short(s)
		if len(got) > 4*Max+64 || !utf8.ValidString(got) {
			t.Fatalf("Short(%q) = %q", s, got)
		}
	})
}
