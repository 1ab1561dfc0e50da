package config

import (
	"strings"
	"testing"
)

// FuzzPkgPattern: any -exclude-pkgs entry either is rejected with an error
// or compiles, and a compiled pattern without "..." matches exactly itself.
// Plain go test runs the seeds; go test -fuzz=FuzzPkgPattern explores.
func FuzzPkgPattern(f *testing.F) {
	for _, s := range []string{"example.com/...", "...", "fmt", "a/.../b", "example.com/\x80",
		"./x", "/abs", "a//b", "a b", `a\b`, "a.b/c-d", "[", "(", "a/...x", "é/ü", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		pp, err := compilePkgPattern(p)
		if err != nil {
			if checkPkgPattern(p) == nil {
				t.Fatalf("compilePkgPattern(%q) = %v, but checkPkgPattern accepts it", p, err)
			}
			return
		}
		if !strings.Contains(p, "...") && !pp.match(p) {
			t.Fatalf("pattern %q does not match itself", p)
		}
		if !strings.Contains(p, "...") && pp.match(p+"x") {
			t.Fatalf("pattern %q matches %q", p, p+"x")
		}
	})
}

// FuzzListFlags sets each list flag to an arbitrary value, as a command
// line or a golangci-lint setting would: Set returns an error or succeeds,
// never panics, and a rejected value leaves the configuration unchanged.
func FuzzListFlags(f *testing.F) {
	for _, s := range []string{"", "A,B", "GOOD_*", "[A-Z", `TRAIL\`, "FOO=BAR", "a/b", "example.com/...",
		"example.com/\x80", "K\x80EY", " , ,", "\x00", "MY_*_TOKEN,!X", "[]a]", "[^"} {
		f.Add(s)
	}
	names := []string{FlagCredKeys, FlagNotCredKeys, FlagExcludePkgs}
	for _, name := range names {
		setFlag(f, name, "") // restores every list after the fuzz run
	}
	f.Fuzz(func(t *testing.T, value string) {
		for _, name := range names {
			before := Current()
			if err := Analyzer.Flags.Set(name, value); err != nil {
				if Current() != before {
					t.Fatalf("-%s=%q rejected (%v) but changed the configuration", name, value, err)
				}
				continue
			}
			c := Current()
			c.IsCredential(value)
			c.ExcludesPackage(value)
			if err := Analyzer.Flags.Set(name, ""); err != nil {
				t.Fatalf("clearing -%s: %v", name, err)
			}
		}
	})
}
