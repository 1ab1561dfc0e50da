package analyzer_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/passes/config"
)

// TestRulesAll runs the advice fixtures with -rules=all: reads with no
// writer from goroutines and children that inherit the credentials the
// program reads are reported, each under its own rule.
func TestRulesAll(t *testing.T) {
	setRules(t, "all")
	results := analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "tiers/all", "tiers/nocreds")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			got = append(got, d.Category)
		}
	}
	slices.Sort(got)
	want := []string{analyzer.RuleRequestRead, analyzer.RuleRequestRead, analyzer.RuleSharedRead, analyzer.RuleExecExposes}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("categories %v, want %v", got, want)
	}
}

// TestRulesOff turns a default rule off: the request read of
// tiers/defaults is gone, and so is nothing else.
func TestRulesOff(t *testing.T) {
	setRules(t, "-"+analyzer.RuleRequestRead)
	results := analysistest.Run(&quiet{T: t}, analysistest.TestData(), analyzer.Analyzer, "tiers/defaults")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Category == analyzer.RuleRequestRead {
				t.Errorf("%s reported with -rules=-%s: %s", d.Category, analyzer.RuleRequestRead, d.Message)
			}
		}
		if len(r.Diagnostics) != 1 {
			t.Errorf("%d diagnostics, want the 1 other", len(r.Diagnostics))
		}
	}
}

// quiet drops analysistest's complaints about // want lines, which the
// fixture writes for the default rules.
type quiet struct{ *testing.T }

func (q *quiet) Errorf(string, ...any) {}

// TestRuleCatalogue keeps analyzer.Rules and config.Catalogue equal, in
// the same order.
func TestRuleCatalogue(t *testing.T) {
	var ids []string
	for _, r := range config.Catalogue() {
		ids = append(ids, r.ID)
	}
	if !slices.Equal(ids, analyzer.Rules()) {
		t.Errorf("config.Catalogue() = %v,\nanalyzer.Rules() = %v", ids, analyzer.Rules())
	}
}
