package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/credlint/credlint/internal/slowtest"
)

// testdata/realloaders is its own module with the real environment loaders
// (godotenv, viper, envconfig, caarlos0/env) and worker pools (ants, conc)
// from the module proxy: the findings there come from their Summary and
// Spawner facts (and the struct-tag loader table), not from stubs.

// wantWords splits "// want: rule word..." into the rule and the words a
// finding's message or witness must contain; a quoted word keeps its
// quotes ("APP_API_KEY" must appear quoted, as a key), and so does one in
// angle brackets (<dynamic name>).
var wantWords = regexp.MustCompile(`"[^"]*"|<[^>]*>|\S+`)

func parseWant(text string) (rule string, words []string) {
	_, rest, _ := strings.Cut(text, "// want:")
	all := wantWords.FindAllString(rest, -1)
	if len(all) == 0 {
		return "", nil
	}
	return all[0], all[1:]
}

func checkRealloaders(t *testing.T, mode string, diags []vetDiagnostic) {
	t.Helper()
	wants, oks := annotated(t, filepath.Join("..", "..", "testdata", "realloaders", "main.go"))
	found := byLineOrHop(diags, "main.go")
	for line, text := range wants {
		rule, words := parseWant(text)
		var got []string
		ok := false
		for _, d := range found[line] {
			all := d.Message
			for _, r := range d.Related {
				all += "\n" + r.Message
			}
			got = append(got, d.Category+": "+d.Message)
			if d.Category != rule {
				continue
			}
			missing := ""
			for _, w := range words {
				if !strings.Contains(all, w) {
					missing = w
					break
				}
			}
			if missing == "" {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: main.go:%d: no %s finding containing %q\ngot %q", mode, line, rule, words, got)
		}
	}
	for line, text := range oks {
		if len(found[line]) > 0 {
			t.Errorf("%s: main.go:%d: unexpected finding for %s: %s", mode, line, strings.TrimSpace(text), found[line][0].Message)
		}
	}
	// The dynamic viper read names no key: a wrong one would be worse than
	// none.
	for _, d := range diags {
		if d.Category == "env-read-dynamic-concurrent" && strings.Contains(d.Message, "viper") && strings.Contains(d.Message, `("`) {
			t.Errorf("%s: viper read claims a key: %s", mode, d.Message)
		}
	}
}

// byLineOrHop indexes diagnostics by the lines of file base where they are
// reported or where their witness passes. Standalone credlint reports an
// access at the access itself when it is in the module (the call of
// envconfig.Process inside internal/config), go vet at the call in the
// root's package (config.Load in main.go); both witnesses pass through
// main.go's call.
func byLineOrHop(diags []vetDiagnostic, base string) map[int][]vetDiagnostic {
	out := byLine(diags, base)
	for _, d := range diags {
		seen := map[int]bool{}
		for n, ds := range out {
			for _, x := range ds {
				if x.Posn == d.Posn && x.Message == d.Message {
					seen[n] = true
				}
			}
		}
		for _, r := range d.Related {
			rd := vetDiagnostic{Posn: r.Posn}
			for n := range byLine([]vetDiagnostic{rd}, base) {
				if !seen[n] && !strings.HasSuffix(r.Message, "registered here") {
					seen[n] = true
					out[n] = append(out[n], d)
				}
			}
		}
	}
	return out
}

// TestRealloaders is slow: it analyses viper, godotenv, envconfig, env,
// ants and conc in both modes.
func TestRealloaders(t *testing.T) {
	slowtest.Require(t, "analyses testdata/realloaders, viper and the other loaders, in both modes")
	t.Parallel()
	runBoth(t, filepath.Join("..", "..", "testdata", "realloaders"), checkRealloaders)
}
