// Package rules describes credlint's rules for the output formats that carry
// rule metadata (SARIF): the descriptions and help come from docs/rules.md,
// so they are written once, and the attributes that only those formats need
// (an opaque ID, a level, a precision, a security severity) are in the table
// below.
package rules

import (
	"fmt"
	"strings"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/cmd/credlint/internal/output"
	"github.com/credlint/credlint/docs"
	"github.com/credlint/credlint/passes/config"
)

// attrs are a rule's attributes beyond its documentation.
type attrs struct {
	// opaqueID is the rule's SARIF id: stable, never reused, never renamed.
	// GitHub keys alerts on it, so changing one reopens every alert.
	opaqueID string
	// precision is GitHub's: how often a finding is right.
	precision string
	// severity is GitHub's security-severity (0.0-10.0: 9+ critical,
	// 7+ high, 4+ medium), only for rules tagged "security".
	severity string
	tags     []string
}

// table holds one entry per rule ID of analyzer.Rules(); a test keeps them
// in step. The SARIF level comes from the rule's tier (Level).
var table = map[string]attrs{
	analyzer.RuleEnvWrite: {"CL1001", "high", "7.5",
		[]string{"security", "concurrency", "credentials"}},
	analyzer.RuleCredRead: {"CL1002", "high", "7.5",
		[]string{"security", "concurrency", "credentials"}},
	analyzer.RuleDynamicRead: {"CL1003", "medium", "5.0",
		[]string{"security", "concurrency"}},
	analyzer.RuleExecInherit: {"CL1004", "medium", "6.5",
		[]string{"security", "concurrency", "credentials"}},
	analyzer.RuleTestSetenvParallel: {"CL1005", "very-high", "",
		[]string{"correctness", "testing"}},
	analyzer.RuleWriteBeforeSubtests: {"CL1006", "high", "",
		[]string{"correctness", "testing"}},
	analyzer.RuleContextRead: {"CL1007", "medium", "4.0",
		[]string{"security", "credentials"}},
	analyzer.RuleIgnoreDirective: {"CL1008", "very-high", "",
		[]string{"maintainability"}},
	analyzer.RuleRequestRead: {"CL1009", "medium", "5.0",
		[]string{"security", "credentials"}},
	analyzer.RuleSharedRead: {"CL1010", "low", "2.0",
		[]string{"security", "credentials"}},
	analyzer.RuleExecExposes: {"CL1011", "medium", "4.0",
		[]string{"security", "credentials"}},
}

// Level returns the SARIF level of a rule's tier (docs/rules.md, "Tiers"):
// races are errors, request reads and names chosen by data warnings,
// advice notes; a directive that hides nothing is a warning.
func Level(id string) string {
	switch config.RuleTier(id) {
	case config.TierRace:
		return "error"
	case config.TierAdvice:
		return "note"
	}
	return "warning"
}

// All returns every rule of analyzer.Rules(), in that order, described
// from docs/rules.md. It fails when a rule has no entry in the table or no
// section in the docs, which a test catches before a release does.
func All() ([]output.Rule, error) {
	docBase, _ := strings.CutSuffix(analyzer.Analyzer.URL, "/rules.md")
	sections := splitSections(docs.Rules)
	summaries := tableSummaries(docs.Rules)
	var out []output.Rule
	for _, id := range analyzer.Rules() {
		a, ok := table[id]
		if !ok {
			return nil, fmt.Errorf("rule %s has no entry in cmd/credlint/internal/rules", id)
		}
		sec, ok := sections[id]
		if !ok {
			return nil, fmt.Errorf("rule %s has no section in docs/rules.md", id)
		}
		r := describe(id, sec, docBase)
		r.OpaqueID, r.Level, r.Precision, r.SecuritySeverity = a.opaqueID, Level(id), a.precision, a.severity
		r.Tier = string(config.RuleTier(id))
		r.Off = !config.DefaultOn(id)
		r.Tags = a.tags
		r.Short = summaries[id]
		if r.Short == "" {
			r.Short = r.Title
		}
		out = append(out, r)
	}
	return out, nil
}

// describe builds a rule's texts from its section of docs/rules.md.
func describe(id, sec, docBase string) output.Rule {
	md := absLinks(sec, docBase)
	r := output.Rule{ID: id, HelpURI: analyzer.Analyzer.URL + "#" + id, HelpMarkdown: md}
	for _, line := range strings.Split(sec, "\n") {
		if t, ok := strings.CutPrefix(line, "**"); ok && strings.HasSuffix(t, "**") {
			r.Title = plain(strings.TrimSuffix(t, "**"))
			break
		}
	}
	r.Full = plain(firstParagraph(subsection(md, "What it reports")))
	var help []string
	for _, name := range []string{"What it reports", "How to fix it"} {
		if s := subsection(md, name); s != "" {
			help = append(help, strings.ToUpper(name[:1])+name[1:]+":\n\n"+plain(s))
		}
	}
	r.HelpText = r.Title + "\n\n" + strings.Join(help, "\n\n") + "\n\nMore: " + r.HelpURI
	return r
}
