package main

import (
	"flag"
	"strings"
	"testing"
)

// TestFlagsIgnoredAreUsageErrors: a flag that the mode asked for would
// ignore, and a -srcroot that is not a directory, are rejected before
// anything runs (issue 16: -diff -json printed a patch without a word).
func TestFlagsIgnoredAreUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string // "" for accepted
	}{
		{[]string{"-diff", "-json"}, "-diff does not use -json"},
		{[]string{"-diff", "-format=sarif"}, "-diff does not use -format"},
		{[]string{"-fix", "-baseline=b"}, "-fix does not use -baseline"},
		{[]string{"-fix", "-engine=vet"}, "-fix does not use -engine"},
		{[]string{"-diff", "-exit-zero"}, "-diff does not use -exit-zero"},
		{[]string{"-write-baseline=b", "-format=github"}, "-write-baseline does not use -format"},
		{[]string{"-srcroot=" + dir + "/nonexistent", "-format=sarif"}, "nonexistent\" does not exist"},
		{[]string{"-srcroot=" + dir + "/nonexistent"}, "-srcroot: \""},
		{[]string{"-fix", "-tags=x"}, ""},
		{[]string{"-diff", "-tags=y"}, ""},
		{[]string{"-fix", "-exit-zero"}, ""},
		{[]string{"-write-baseline=b", "-srcroot=" + dir}, ""},
		{[]string{"-format=sarif", "-srcroot=" + dir, "-baseline=b"}, ""},
	} {
		var o options
		fs := newFlagSet(nil, &o)
		if err := fs.Parse(tc.args); err != nil {
			t.Fatalf("%q: %v", tc.args, err)
		}
		o.set = map[string]bool{}
		fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
		err := checkOptions(&o)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q: %v, want accepted", tc.args, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%q: %v, want an error with %q", tc.args, err, tc.want)
		}
	}
}
