package config

import (
	"flag"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/credlint/credlint/profileenv/credkeys"
)

// setFlag sets a config flag for one test and restores the previous list
// with t.Cleanup. Tests that use it change package state and must not be
// parallel.
func setFlag(t testing.TB, name, value string) {
	t.Helper()
	f := Analyzer.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("no flag -%s", name)
	}
	old := f.Value.String()
	t.Cleanup(func() {
		if err := f.Value.Set(""); err != nil {
			t.Errorf("reset -%s: %v", name, err)
		}
		if err := f.Value.Set(old); err != nil {
			t.Errorf("restore -%s=%q: %v", name, old, err)
		}
	})
	if err := Analyzer.Flags.Set(name, value); err != nil {
		t.Fatalf("-%s=%q: %v", name, value, err)
	}
}

func TestFlagNames(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	var names []string
	Analyzer.Flags.VisitAll(func(f *flag.Flag) {
		names = append(names, f.Name)
		if !kebab.MatchString(f.Name) {
			t.Errorf("flag -%s is not kebab-case", f.Name)
		}
		if f.Usage == "" || strings.Contains(f.Usage, "\n") {
			t.Errorf("flag -%s: usage must be one non-empty line", f.Name)
		}
		if _, ok := f.Value.(flag.Getter); !ok {
			t.Errorf("flag -%s does not implement flag.Getter", f.Name)
		}
	})
	want := []string{FlagContextReads, FlagCredKeys, FlagExcludePkgs, FlagNotCredKeys, FlagRules} // VisitAll sorts
	if !slices.Equal(names, want) {
		t.Errorf("flags = %v, want %v", names, want)
	}
}

func TestCredKeysFlag(t *testing.T) {
	setFlag(t, FlagCredKeys, "APP_LOG_SINK, *_FULLNODE_URL")
	c := Current()
	for key, want := range map[string]bool{
		"APP_LOG_SINK":     true,
		"BTC_FULLNODE_URL": true,
		"SCAN_TARGET":      false,
		"GITHUB_TOKEN":     true,
	} {
		if got := c.IsCredential(key); got != want {
			t.Errorf("IsCredential(%q) = %v, want %v", key, got, want)
		}
	}

	// Repeating the flag adds to the list, without duplicates.
	if err := Analyzer.Flags.Set(FlagCredKeys, "SCAN_TARGET,APP_LOG_SINK"); err != nil {
		t.Fatal(err)
	}
	if got := Analyzer.Flags.Lookup(FlagCredKeys).Value.String(); got != "APP_LOG_SINK,*_FULLNODE_URL,SCAN_TARGET" {
		t.Errorf("-cred-keys = %q after a repeat", got)
	}
	if !Current().IsCredential("SCAN_TARGET") {
		t.Error("repeated -cred-keys was not applied")
	}
	if got := Analyzer.Flags.Lookup(FlagCredKeys).Value.(flag.Getter).Get(); !slices.Equal(got.([]string), []string{"APP_LOG_SINK", "*_FULLNODE_URL", "SCAN_TARGET"}) {
		t.Errorf("Get() = %v", got)
	}

	// An empty value clears the list.
	if err := Analyzer.Flags.Set(FlagCredKeys, ""); err != nil {
		t.Fatal(err)
	}
	if Current().IsCredential("APP_LOG_SINK") || Analyzer.Flags.Lookup(FlagCredKeys).Value.String() != "" {
		t.Error("-cred-keys= did not clear the list")
	}
}

func TestNotCredKeysFlag(t *testing.T) {
	setFlag(t, FlagCredKeys, "APP_*")
	setFlag(t, FlagNotCredKeys, "HOME,AWS_REGION,APP_LOG_*")
	c := Current()
	for key, want := range map[string]bool{
		"HOME":          false,
		"AWS_REGION":    false,
		"AWS_PROFILE":   true,
		"APP_LOG_SINK":  false, // -not-cred-keys wins over -cred-keys
		"APP_SCAN_HOST": true,
	} {
		if got := c.IsCredential(key); got != want {
			t.Errorf("IsCredential(%q) = %v, want %v", key, got, want)
		}
	}
	if c.Rules().Classify("HOME") != credkeys.NotCredential {
		t.Error("Rules() does not reflect -not-cred-keys")
	}
}

func TestExcludePkgsFlag(t *testing.T) {
	setFlag(t, FlagExcludePkgs, "example.com/gen/...")
	setFlag(t, FlagExcludePkgs, "example.com/.../mocks")
	c := Current()
	if !c.ExcludesPackage("example.com/gen/pb") || !c.ExcludesPackage("example.com/x/mocks") || c.ExcludesPackage("example.com/app") {
		t.Errorf("-exclude-pkgs=%s not applied", Analyzer.Flags.Lookup(FlagExcludePkgs).Value)
	}
}

// TestBadEntriesRejected: Set fails with a message naming the flag and the
// entry, and leaves the configuration as it was.
func TestBadEntriesRejected(t *testing.T) {
	setFlag(t, FlagCredKeys, "GOOD_*")
	before := Current()
	for _, tc := range []struct{ flag, value, entry, msg string }{
		{FlagCredKeys, "OK_KEY,[A-Z", "[A-Z", "syntax error in pattern"},
		{FlagCredKeys, `TRAIL\`, `TRAIL\`, "syntax error in pattern"},
		{FlagNotCredKeys, "FOO=BAR", "FOO=BAR", "invalid character '='"},
		{FlagNotCredKeys, "a/b", "a/b", "invalid character '/'"},
		{FlagExcludePkgs, "example.com/ok,./...", "./...", "relative patterns are not supported"},
		{FlagExcludePkgs, "/src/app", "/src/app", "file system path"},
		{FlagExcludePkgs, "example.com/\x80", "example.com/\x80", "invalid UTF-8"}, // panicked (issue 16)
	} {
		err := Analyzer.Flags.Set(tc.flag, tc.value)
		if err == nil {
			t.Errorf("-%s=%q accepted", tc.flag, tc.value)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "-"+tc.flag+": ") || !strings.Contains(msg, strconv.Quote(tc.entry)) || !strings.Contains(msg, tc.msg) {
			t.Errorf("-%s=%q: error %q; want it to name -%s and %q and say %q", tc.flag, tc.value, msg, tc.flag, tc.entry, tc.msg)
		}
		if strings.Contains(msg, "credkeys:") {
			t.Errorf("-%s=%q: error %q repeats the package prefix", tc.flag, tc.value, msg)
		}
	}
	if Current() != before || Analyzer.Flags.Lookup(FlagCredKeys).Value.String() != "GOOD_*" {
		t.Error("a rejected value changed the configuration")
	}
}

// TestParse sets the flags through FlagSet.Parse, as drivers do, on a
// second FlagSet: a driver's lifted copy shares the same options.
func TestParse(t *testing.T) {
	for _, name := range []string{FlagCredKeys, FlagExcludePkgs} {
		setFlag(t, name, "") // register cleanups that restore the state
	}
	fs := flag.NewFlagSet("credlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	defineFlags(fs)
	if err := fs.Parse([]string{"-cred-keys=SCAN_TARGET", "-cred-keys", "AGENT_*", "-exclude-pkgs=example.com/gen/..."}); err != nil {
		t.Fatal(err)
	}
	c := Current()
	if !c.IsCredential("SCAN_TARGET") || !c.IsCredential("AGENT_PLUGIN_DIR") || !c.ExcludesPackage("example.com/gen") {
		t.Error("parsed flags not applied")
	}
	if got := Analyzer.Flags.Lookup(FlagCredKeys).Value.String(); got != "SCAN_TARGET,AGENT_*" {
		t.Errorf("Analyzer's -cred-keys = %q; the lifted copy should share it", got)
	}
	err := fs.Parse([]string{"-not-cred-keys=[x"})
	if err == nil || !strings.Contains(err.Error(), "-not-cred-keys") || !strings.Contains(err.Error(), `"[x"`) {
		t.Errorf("Parse(-not-cred-keys=[x) = %v", err)
	}
}

func TestContextReadsFlag(t *testing.T) {
	if Current().ContextReads() {
		t.Fatal("-context-reads is on by default")
	}
	setFlag(t, FlagContextReads, "true")
	if !Current().ContextReads() {
		t.Error("-context-reads=true did not reach the Config")
	}
	err := Analyzer.Flags.Set(FlagContextReads, "maybe")
	if err == nil || !strings.Contains(err.Error(), "-context-reads") || !strings.Contains(err.Error(), `"maybe"`) {
		t.Errorf("bad value: got %v, want an error naming the flag and the value", err)
	}
	if !Current().ContextReads() {
		t.Error("a rejected value changed the Config")
	}
}

// TestLongEntryEchoedShort: a 300 KB bad entry is named, quoted and cut
// short, not echoed in full (issue 16).
func TestLongEntryEchoedShort(t *testing.T) {
	long := strings.Repeat("Z", 300<<10) + "="
	for _, name := range []string{FlagCredKeys, FlagExcludePkgs + "=a b", FlagContextReads} {
		name, prefix, _ := strings.Cut(name, "=")
		err := Analyzer.Flags.Set(name, prefix+long)
		if err == nil {
			t.Fatalf("-%s accepted a bad value", name)
		}
		if msg := err.Error(); len(msg) > 500 || !strings.Contains(msg, "bytes)") {
			t.Errorf("-%s: message of %d bytes: %.200s", name, len(msg), msg)
		}
	}
}
