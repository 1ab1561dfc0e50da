package envaccess

import (
	"os"
	"slices"
	"testing"
)

// FuzzTemplateNames: templateNames finds exactly the names os.Expand looks
// up, in the same order, except that a shell default or pattern after a
// shell name is cut off (shellOperand), and never appears in a name.
func FuzzTemplateNames(f *testing.F) {
	for _, s := range []string{"", "$", "${", "${}", "$$", "$1", "${1}", "${1API_TOKEN}", "${DB.PASSWORD}",
		"https://$HOST/?k=${APP_SECRET}&d=${DB_PASSWORD:-hunter2}", "${A-b}", "${A:=x}x", "${#A}", "${_x%y}",
		"$A$B${C}", "${\x80}", "$é", "${ A }", "${*}", "${{}", "a$"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []string
		os.Expand(s, func(name string) string {
			if k := shellOperand(name); !slices.Contains(want, k) {
				want = append(want, k)
			}
			return ""
		})
		got := templateNames(s)
		if !slices.Equal(got, want) {
			t.Fatalf("templateNames(%q) = %q, os.Expand looks up %q", s, got, want)
		}
		for _, k := range got {
			if k != shellOperand(k) {
				t.Fatalf("templateNames(%q): %q keeps a shell operand", s, k)
			}
		}
	})
}
