package config

import (
	"strings"
	"testing"
)

// TestRulesDefaults: with no -rules, the advice tier is off and everything
// else is on.
func TestRulesDefaults(t *testing.T) {
	c := Current()
	for _, r := range catalogue {
		if got := c.Enabled(r.ID); got != (r.Tier != TierAdvice) {
			t.Errorf("Enabled(%s) = %v by default, want %v", r.ID, got, r.Tier != TierAdvice)
		}
	}
	if c.Enabled("no-such-rule") {
		t.Error("an unknown rule is enabled")
	}
}

// TestRulesFlag applies -rules values left to right to the defaults.
func TestRulesFlag(t *testing.T) {
	for _, tc := range []struct {
		value   string
		on, off []string
	}{
		{"all", []string{"cred-read-shared", "exec-env-exposes-credentials", "env-write-concurrent"}, nil},
		{"all,-cred-read-in-request", []string{"cred-read-shared"}, []string{"cred-read-in-request"}},
		{"-cred-read-in-request", []string{"cred-read-concurrent"}, []string{"cred-read-in-request", "cred-read-shared"}},
		{"cred-read-shared", []string{"cred-read-shared", "cred-read-in-request"}, []string{"exec-env-exposes-credentials"}},
		{"none,env-write-concurrent", []string{"env-write-concurrent", "ignore-directive"}, []string{"cred-read-concurrent", "cred-read-in-request"}},
		{"all,default", []string{"cred-read-in-request"}, []string{"cred-read-shared"}},
		{" cred-read-shared , -cred-read-shared ", nil, []string{"cred-read-shared"}},
		{"cred-read-shared,-cred-read-shared,cred-read-shared", []string{"cred-read-shared"}, nil},
		{"cred-read-ignores-context", []string{"cred-read-ignores-context"}, nil},
	} {
		t.Run(tc.value, func(t *testing.T) {
			setFlag(t, FlagRules, tc.value)
			c := Current()
			for _, id := range tc.on {
				if !c.Enabled(id) {
					t.Errorf("-rules=%s: %s is off", tc.value, id)
				}
			}
			for _, id := range tc.off {
				if c.Enabled(id) {
					t.Errorf("-rules=%s: %s is on", tc.value, id)
				}
			}
			if id := "cred-read-ignores-context"; c.ContextReads() != c.Enabled(id) {
				t.Errorf("ContextReads() = %v, Enabled(%s) = %v", c.ContextReads(), id, c.Enabled(id))
			}
		})
	}
}

// TestRulesFlagRepeats: a second -rules applies on top of the first, and an
// empty value restores the defaults.
func TestRulesFlagRepeats(t *testing.T) {
	setFlag(t, FlagRules, "all")
	if err := Analyzer.Flags.Set(FlagRules, "-cred-read-shared"); err != nil {
		t.Fatal(err)
	}
	if c := Current(); c.Enabled("cred-read-shared") || !c.Enabled("exec-env-exposes-credentials") {
		t.Errorf("-rules=all -rules=-cred-read-shared: shared %v, exposes %v",
			c.Enabled("cred-read-shared"), c.Enabled("exec-env-exposes-credentials"))
	}
	if err := Analyzer.Flags.Set(FlagRules, ""); err != nil {
		t.Fatal(err)
	}
	if c := Current(); c.Enabled("exec-env-exposes-credentials") || !c.Enabled("cred-read-in-request") {
		t.Error("an empty -rules did not restore the defaults")
	}
}

// TestRulesFlagErrors: unknown IDs are usage errors that name the ID
// (clipped when long), and ignore-directive cannot be turned off. A bad
// value changes nothing.
func TestRulesFlagErrors(t *testing.T) {
	long := strings.Repeat("x", 200)
	for value, want := range map[string]string{
		"cred-read-sharde":  `bad entry "cred-read-sharde": unknown rule`,
		"all,-no-such-rule": `bad entry "-no-such-rule": unknown rule`,
		long:                `bad entry "` + long[:64] + `" (first 64 of 200 bytes): unknown rule`,
		"-ignore-directive": "ignore-directive is always on",
		"-all":              `bad entry "-all": unknown rule`,
	} {
		err := Analyzer.Flags.Set(FlagRules, value)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "-rules: ") {
			t.Errorf("-rules=%.50s: error %v, want it to contain %q", value, err, want)
		}
		if len(err.Error()) > 200 {
			t.Errorf("-rules=%.50s: error is %d bytes long", value, len(err.Error()))
		}
		if c := Current(); c.Enabled("cred-read-shared") || !c.Enabled("cred-read-in-request") {
			t.Errorf("-rules=%.50s changed the rules", value)
		}
	}
}
