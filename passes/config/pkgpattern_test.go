package config

import (
	"strings"
	"testing"
)

func TestExcludesPackage(t *testing.T) {
	c, err := build(settings{excludePkgs: []string{
		"example.com/app/gen/...",
		"example.com/.../mocks",
		"example.com/app/internal/testutil",
		"golang.org/x/...",
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"example.com/app/gen", true},                            // "/..." also matches the prefix
		{"example.com/app/gen/pb/v1", true},                      // and everything below
		{"example.com/app/generated", false},                     // but not a longer element
		{"example.com/app/mocks", true},                          // "..." in the middle
		{"example.com/mocks", false},                             // "/.../" needs at least "/x/"
		{"example.com/a/b/c/mocks", true},                        // "..." crosses slashes
		{"example.com/app/mocks/sub", false},                     // pattern is anchored
		{"example.com/app/internal/testutil", true},              // exact
		{"example.com/app/internal/testutil/x", false},           // exact means exact
		{"example.com/app/internal", false},                      //
		{"golang.org/x/tools/go/analysis", true},                 //
		{"golang.org/x", true},                                   //
		{"golang.org/xerrors", false},                            //
		{"example.com/app", false},                               //
		{"example.com/app/gen_test", true},                       // external test package follows its package
		{"example.com/app/gen [example.com/app/gen.test]", true}, // go/packages test variant ID
		{"example.com/app/gen.test", true},                       // generated test main
		{"example.com/app_test", false},                          //
		{"", false},                                              //
	} {
		if got := c.ExcludesPackage(tc.path); got != tc.want {
			t.Errorf("ExcludesPackage(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

func TestExcludeEverything(t *testing.T) {
	c, err := build(settings{excludePkgs: []string{"..."}})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"main", "example.com/a/b", "std/x"} {
		if !c.ExcludesPackage(p) {
			t.Errorf("... does not match %q", p)
		}
	}
}

func TestCheckPkgPattern(t *testing.T) {
	for p, want := range map[string]string{
		"example.com/...":     "",
		"...":                 "",
		"fmt":                 "",
		"example.com/a.b/c-d": "",
		"./...":               "relative patterns are not supported",
		"../x":                "relative patterns are not supported",
		".":                   "relative patterns are not supported",
		"/abs/path":           "file system path",
		"example.com/":        "empty path element",
		"a//b":                "empty path element",
		"a b":                 "invalid character ' '",
		`a\b`:                 `invalid character '\\'`,
		"":                    "empty package pattern",
		"example.com/\x80":    "invalid UTF-8",
		"\xff...":             "invalid UTF-8",
	} {
		err := checkPkgPattern(p)
		switch {
		case want == "" && err != nil:
			t.Errorf("checkPkgPattern(%q) = %v, want nil", p, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("checkPkgPattern(%q) = %v, want an error containing %q", p, err, want)
		}
	}
}
