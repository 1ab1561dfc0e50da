package main

import (
	"flag"
	"strings"
	"testing"
)

// TestFlagErrorsNameFlagOnce checks the message of every flag that checks
// its value (issue 16): one line that names the flag once, the bad entry
// cut short when huge, and what the flag wants; never package flag's
// `invalid value "<all of it>" for flag -x: -x: ...`.
func TestFlagErrorsNameFlagOnce(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{"clean.go": cleanGo})
	huge := strings.Repeat("Z", 100<<10)
	for _, tc := range []struct{ args, flag, want string }{
		{"-rules=no-such-rule", "-rules", `bad entry "no-such-rule": unknown rule (want all, default, none`},
		{"-rules=" + huge, "-rules", `(first 64 of 102400 bytes): unknown rule (want `},
		{"-cred-keys=[A-Z", "-cred-keys", `bad entry "[A-Z": syntax error in pattern (want variable names or path.Match patterns`},
		{"-not-cred-keys=A B", "-not-cred-keys", `bad entry "A B": invalid character ' ' (want `},
		{"-exclude-pkgs=example.com/\x80", "-exclude-pkgs", `bad entry "example.com/\x80": invalid UTF-8 (want import path patterns`},
		{"-context-reads=maybe", "-context-reads", `bad value "maybe": want true or false`},
		{"-format=xml", "-format", `unknown format "xml" (want text, json, sarif, github)`},
		{"-engine=" + huge, "-engine", `(first 64 of 102400 bytes) (want auto, vet, process)`},
		{"-test=maybe", "-test", `bad value "maybe": want true or false`},
		{"-V=short", "-V", `unsupported value "short" (use -V=full)`},
		{"-srcroot=/no/such/dir", "-srcroot", `"/no/such/dir" does not exist (want a directory above the analysed files`},
		{"-srcroot=/" + huge, "-srcroot", `(first 64 of 102401 bytes): file name too long (want `},
		{"-srcroot=go.mod", "-srcroot", `"go.mod" is not a directory (want a directory above the analysed files`},
		{"audit -rules=no-such-rule", "-rules", `bad entry "no-such-rule": unknown rule (want `},
	} {
		args := []string{tc.args}
		if rest, ok := strings.CutPrefix(tc.args, "audit "); ok {
			args = []string{"audit", rest}
		}
		r := credlint(t, dir, append(args, "./...")...)
		line, _, _ := strings.Cut(r.stderr, "\n")
		name := tc.args[:min(len(tc.args), 40)]
		if r.code != exitError || !strings.Contains(line, ": "+tc.flag+": ") || !strings.Contains(line, tc.want) {
			t.Errorf("%s: exit %d, want %d and %q\n%s", name, r.code, exitError, tc.want, r.stderr[:min(len(r.stderr), 400)])
		}
		if n := strings.Count(line, tc.flag+":"); n != 1 || strings.Contains(line, "invalid value") || len(line) > 300 {
			t.Errorf("%s: want the flag named once, and no more than 300 bytes: %.400s", name, line)
		}
	}
}

// TestRecordSetErrorsHelp: -h prints every flag's default, and no panic
// of package flag's zero-value probe (a recordingValue without a Value).
func TestRecordSetErrorsHelp(t *testing.T) {
	fs := flag.NewFlagSet("credlint", flag.ContinueOnError)
	fs.String("format", "text", "output format")
	fs.Bool("json", false, "go vet's JSON")
	recordSetErrors(fs)
	var out strings.Builder
	fs.SetOutput(&out)
	fs.PrintDefaults()
	if got := out.String(); strings.Contains(got, "panic") || !strings.Contains(got, "(default text)") || strings.Contains(got, "default false") {
		t.Errorf("PrintDefaults wrote:\n%s", got)
	}
}
