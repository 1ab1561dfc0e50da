package golangci

import (
	"flag"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/passes/config"
)

// The tests below change credlint's flags, which are package state: none
// of them is parallel, and each restores the flags with t.Cleanup.

// saveFlags restores every config flag to its current list when the test
// ends.
func saveFlags(t *testing.T) {
	t.Helper()
	old := flagValues()
	t.Cleanup(func() {
		for name, v := range old {
			if err := replace(&config.Analyzer.Flags, name, v); err != nil {
				t.Errorf("restore -%s=%q: %v", name, v, err)
			}
		}
	})
}

// flagValues returns the value of every config flag by name.
func flagValues() map[string]string {
	vals := map[string]string{}
	config.Analyzer.Flags.VisitAll(func(f *flag.Flag) { vals[f.Name] = f.Value.String() })
	return vals
}

func TestRegistered(t *testing.T) {
	saveFlags(t)
	newPlugin, err := register.GetPlugin("credlint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil) // a configuration with no settings key
	if err != nil {
		t.Fatalf("New(nil): %v", err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != 1 || as[0].Name != analyzer.Analyzer.Name || !slices.Equal(as[0].Requires, analyzer.Analyzer.Requires) {
		t.Errorf("BuildAnalyzers() = %v, %v; want [analyzer.Analyzer]", as, err)
	}
	if Name != analyzer.Analyzer.Name {
		t.Errorf("plugin name %q differs from the analyzer's %q: golangci-lint would prefix every message",
			Name, analyzer.Analyzer.Name)
	}
}

// TestSettingsMatchFlags keeps Settings, its JSON names, byFlag and the
// FlagSet in sync: every flag is a setting of the same name, and nothing
// else is.
func TestSettingsMatchFlags(t *testing.T) {
	var flags []string
	config.Analyzer.Flags.VisitAll(func(f *flag.Flag) { flags = append(flags, f.Name) })

	var tags []string
	st := reflect.TypeFor[Settings]()
	for f := range st.Fields() {
		name := f.Tag.Get("json")
		tags = append(tags, name)
		fl := config.Analyzer.Flags.Lookup(name)
		if fl == nil {
			continue // reported below
		}
		want := reflect.TypeFor[*List]()
		if b, ok := fl.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			want = reflect.TypeFor[*Bool]()
		}
		if f.Type != want {
			t.Errorf("Settings.%s is %v, want %v for -%s", f.Name, f.Type, want, name)
		}
	}
	slices.Sort(tags)
	if !slices.Equal(tags, flags) {
		t.Errorf("Settings JSON names %v, flags %v", tags, flags)
	}
	if keys := slices.Sorted(maps.Keys(Settings{}.byFlag())); !slices.Equal(keys, flags) {
		t.Errorf("byFlag keys %v, flags %v", keys, flags)
	}
}

// TestConfigFileHasEverySetting checks that .golangci-plugin.yml lists
// every setting, so that a new flag shows up there too.
func TestConfigFileHasEverySetting(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", ".golangci-plugin.yml"))
	if err != nil {
		t.Fatal(err)
	}
	_, settings, ok := strings.Cut(string(b), "\n        settings:\n")
	if !ok {
		t.Fatal(".golangci-plugin.yml has no linters.settings.custom.credlint.settings block")
	}
	config.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
		if !regexp.MustCompile(`(?m)^          ` + regexp.QuoteMeta(f.Name) + `: `).MatchString(settings) {
			t.Errorf(".golangci-plugin.yml does not set %s", f.Name)
		}
	})
}

// TestSettingsReachFlags gives New settings the way golangci-lint does (a
// map decoded from YAML) and checks the flags and the published Config.
func TestSettingsReachFlags(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  map[string]any
		want map[string]string // flag values after New
	}{{
		name: "YAML lists",
		raw: map[string]any{
			"cred-keys":     []any{"MYCO_THING", "APP_*_SINK"},
			"not-cred-keys": []any{"HOME"},
			"exclude-pkgs":  []any{"example.com/app/gen/..."},
		},
		want: map[string]string{
			"cred-keys":     "MYCO_THING,APP_*_SINK",
			"not-cred-keys": "HOME",
			"exclude-pkgs":  "example.com/app/gen/...",
		},
	}, {
		name: "comma-separated strings",
		raw:  map[string]any{"cred-keys": "MYCO_THING, APP_*_SINK", "exclude-pkgs": "example.com/a,example.com/b"},
		want: map[string]string{"cred-keys": "MYCO_THING,APP_*_SINK", "exclude-pkgs": "example.com/a,example.com/b"},
	}, {
		name: "a setting replaces the flag's list",
		raw:  map[string]any{"cred-keys": []any{"NEW_SECRET"}},
		want: map[string]string{"cred-keys": "NEW_SECRET", "not-cred-keys": "PRESET"},
	}, {
		name: "empty list and empty string clear",
		raw:  map[string]any{"cred-keys": []any{}, "not-cred-keys": ""},
		want: map[string]string{"cred-keys": "", "not-cred-keys": ""},
	}, {
		name: "rules as a YAML list, applied in order",
		raw:  map[string]any{"rules": []any{"all", "-cred-read-in-request"}},
		want: map[string]string{"rules": "all,-cred-read-in-request"},
	}, {
		name: "rules as a comma-separated string",
		raw:  map[string]any{"rules": "cred-read-shared"},
		want: map[string]string{"rules": "cred-read-shared"},
	}, {
		name: "booleans",
		raw:  map[string]any{"context-reads": true},
		want: map[string]string{"context-reads": "true"},
	}, {
		name: "a boolean in the flag's syntax",
		raw:  map[string]any{"context-reads": "true"},
		want: map[string]string{"context-reads": "true"},
	}, {
		name: "false turns a boolean off",
		raw:  map[string]any{"context-reads": false},
		want: map[string]string{"context-reads": "false"},
	}, {
		name: "no value leaves the flag alone",
		raw:  map[string]any{"cred-keys": nil},
		want: map[string]string{"cred-keys": "OLD_SECRET", "context-reads": "true"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			saveFlags(t)
			preset(t, "cred-keys", "OLD_SECRET")
			preset(t, "not-cred-keys", "PRESET")
			preset(t, "context-reads", "true")
			if _, err := New(tc.raw); err != nil {
				t.Fatalf("New(%v): %v", tc.raw, err)
			}
			got := flagValues()
			for name, want := range tc.want {
				if got[name] != want {
					t.Errorf("-%s = %q, want %q", name, got[name], want)
				}
			}
		})
	}

	t.Run("the analyzer sees them", func(t *testing.T) {
		saveFlags(t)
		if config.Current().IsCredential("MYCO_THING") {
			t.Fatal("MYCO_THING is a credential by default; pick another name")
		}
		if _, err := New(map[string]any{
			"cred-keys": []any{"MYCO_THING"}, "exclude-pkgs": "example.com/gen/...", "context-reads": true,
		}); err != nil {
			t.Fatal(err)
		}
		if c := config.Current(); !c.IsCredential("MYCO_THING") || !c.ExcludesPackage("example.com/gen/pb") || !c.ContextReads() {
			t.Error("the Config does not reflect the settings")
		}
		if _, err := New(map[string]any{"rules": []any{"all", "-cred-read-in-request"}}); err != nil {
			t.Fatal(err)
		}
		if c := config.Current(); c.Enabled("cred-read-in-request") || !c.Enabled("cred-read-shared") {
			t.Error("the Config does not reflect the rules setting")
		}
	})
}

func preset(t *testing.T, name, value string) {
	t.Helper()
	if err := replace(&config.Analyzer.Flags, name, value); err != nil {
		t.Fatal(err)
	}
}

// TestBadSettings checks that New rejects bad settings with a message
// naming the key, and leaves the flags as they were.
func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  any
		want string // regexp
	}{
		{"unknown key", map[string]any{"cred-key": []any{"X"}},
			`^unknown credlint setting "cred-key" \(known: context-reads, cred-keys, exclude-pkgs, not-cred-keys, rules\)$`},
		{"unknown rule", map[string]any{"rules": []any{"all", "-cred-read-sharde"}},
			`^credlint setting "rules": bad entry "-cred-read-sharde": unknown rule `},
		{"two unknown keys", map[string]any{"cred-keys": "X", "zeta": 1, "alpha": true},
			`^unknown credlint setting "alpha", "zeta" `},
		{"number", map[string]any{"cred-keys": 5},
			`^credlint setting "cred-keys": want a list of strings or a comma-separated string, got a number$`},
		{"boolean", map[string]any{"exclude-pkgs": true},
			`^credlint setting "exclude-pkgs": .* got a boolean$`},
		{"mapping", map[string]any{"not-cred-keys": map[string]any{"a": "b"}},
			`^credlint setting "not-cred-keys": .* got a mapping$`},
		{"list holding a number", map[string]any{"cred-keys": []any{"A", 5}},
			`^credlint setting "cred-keys": .* got a list holding a number$`},
		{"list holding null", map[string]any{"cred-keys": []any{"A", nil}},
			`^credlint setting "cred-keys": .* got a list holding null$`},
		{"boolean as a number", map[string]any{"context-reads": 1},
			`^credlint setting "context-reads": want true or false, got a number$`},
		{"boolean as a list", map[string]any{"context-reads": []any{"true"}},
			`^credlint setting "context-reads": want true or false, got a list$`},
		{"bad boolean string", map[string]any{"context-reads": "maybe"},
			`^credlint setting "context-reads": bad value "maybe": want true or false$`},
		{"bad pattern", map[string]any{"cred-keys": []any{"[A-Z"}},
			`^credlint setting "cred-keys": bad entry "\[A-Z": syntax error in pattern \(want variable names or path\.Match patterns, such as MYCO_\*_TOKEN\)$`},
		{"relative package pattern", map[string]any{"cred-keys": []any{"GOOD_SECRET"}, "exclude-pkgs": "./gen/..."},
			`^credlint setting "exclude-pkgs": bad entry "\./gen/\.\.\.": `},
		{"not a mapping", []any{"cred-keys"},
			`^credlint settings: want a mapping of setting names to values, got a list`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			saveFlags(t)
			preset(t, "cred-keys", "OLD_SECRET")
			before := flagValues()
			_, err := New(tc.raw)
			if err == nil {
				t.Fatalf("New(%v) succeeded", tc.raw)
			}
			if !regexp.MustCompile(tc.want).MatchString(err.Error()) {
				t.Errorf("New(%v):\n got %q\nwant %q", tc.raw, err, tc.want)
			}
			if after := flagValues(); !maps.Equal(after, before) {
				t.Errorf("a failed New changed the flags: %v, was %v", after, before)
			}
		})
	}
}
