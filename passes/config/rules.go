package config

import (
	"errors"
	"fmt"
	"strings"
)

// A Tier says how sure and how urgent a rule's findings are. Every message
// names its tier, SARIF gives each tier a level, and only the advice tier
// is off by default (docs/rules.md, "Tiers").
type Tier string

const (
	// TierRace: two accesses that can run at the same time, one of them a
	// write (or code that panics); a bug wherever the value goes.
	TierRace Tier = "race"
	// TierRequest: a credential read with no write in view, reached from
	// a request root, where different callers are served.
	TierRequest Tier = "request read"
	// TierDataName: a read whose variable name is computed at run time.
	TierDataName Tier = "name chosen by data"
	// TierAdvice: reads and children that can only see the one identity
	// the process has; worth a look, not a bug. Off by default.
	TierAdvice Tier = "advice"
	// TierDirective: problems with //credlint:ignore directives; always on.
	TierDirective Tier = "directive"
)

// A RuleInfo is one rule of the catalogue.
type RuleInfo struct {
	ID      string
	Tier    Tier
	Default bool // on unless -rules turns it off
}

// Rule IDs. analyzer/rules.go declares the same IDs for its diagnostics; a
// test there keeps both lists equal. They live here too because -rules
// validates its entries when it is set, and the analyzer imports config.
var catalogue = []RuleInfo{
	{"env-write-concurrent", TierRace, true},
	{"cred-read-concurrent", TierRace, true},
	{"exec-inherits-env", TierRace, true},
	{"tsetenv-in-parallel-test", TierRace, true},
	{"env-write-before-parallel-subtests", TierRace, true},
	{"cred-read-in-request", TierRequest, true},
	{"env-read-dynamic-concurrent", TierDataName, true},
	{"cred-read-shared", TierAdvice, false},
	{"exec-env-exposes-credentials", TierAdvice, false},
	{"cred-read-ignores-context", TierAdvice, false},
	{"ignore-directive", TierDirective, true},
}

// alwaysOn is the rule -rules cannot turn off: a directive that hides
// nothing, or hides without a reason, must always be seen.
const alwaysOn = "ignore-directive"

// Catalogue returns every rule with its tier and default, in a stable order.
func Catalogue() []RuleInfo { return append([]RuleInfo(nil), catalogue...) }

// RuleTier returns the tier of a rule ID, or "" for an unknown ID.
func RuleTier(id string) Tier {
	for _, r := range catalogue {
		if r.ID == id {
			return r.Tier
		}
	}
	return ""
}

// DefaultOn reports whether a rule is on when -rules does not say.
func DefaultOn(id string) bool {
	for _, r := range catalogue {
		if r.ID == id {
			return r.Default
		}
	}
	return false
}

// Words of -rules besides rule IDs.
const (
	rulesAll     = "all"     // every rule on
	rulesDefault = "default" // back to the defaults
	rulesNone    = "none"    // every rule off but ignore-directive
)

// checkRuleEntry validates one -rules entry: all, default, none, an ID, or
// -ID.
func checkRuleEntry(e string) error {
	switch e {
	case rulesAll, rulesDefault, rulesNone:
		return nil
	}
	id, off := strings.CutPrefix(e, "-")
	if RuleTier(id) == "" {
		return errors.New("unknown rule (want all, default, none, a rule ID or -ID; docs/rules.md lists the IDs)")
	}
	if off && id == alwaysOn {
		return fmt.Errorf("%s is always on", alwaysOn)
	}
	return nil
}

// enabledRules applies the -rules entries, left to right, to the defaults.
func enabledRules(entries []string) map[string]bool {
	on := map[string]bool{}
	set := func(pick func(RuleInfo) bool) {
		for _, r := range catalogue {
			on[r.ID] = r.ID == alwaysOn || pick(r)
		}
	}
	set(func(r RuleInfo) bool { return r.Default })
	for _, e := range entries {
		switch e {
		case rulesAll:
			set(func(RuleInfo) bool { return true })
		case rulesDefault:
			set(func(r RuleInfo) bool { return r.Default })
		case rulesNone:
			set(func(RuleInfo) bool { return false })
		default:
			id, off := strings.CutPrefix(e, "-")
			on[id] = !off
		}
	}
	return on
}
