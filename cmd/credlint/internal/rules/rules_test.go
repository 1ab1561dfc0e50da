package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/credlint/credlint/analyzer"
)

// TestAll checks that every rule is described: an opaque ID that is unique
// and shaped like one, a level and precision GitHub accepts, a security
// severity exactly for the rules tagged "security", and texts taken from
// docs/rules.md.
func TestAll(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(analyzer.Rules()) {
		t.Fatalf("%d rules described, analyzer has %d", len(all), len(analyzer.Rules()))
	}
	if len(table) != len(all) {
		t.Errorf("the table has %d entries for %d rules: remove retired ones? (never reuse their opaque IDs)", len(table), len(all))
	}
	seen := map[string]string{}
	opaque := regexp.MustCompile(`^CL\d{4}$`)
	severity := regexp.MustCompile(`^(10\.0|\d\.\d)$`)
	for _, r := range all {
		if prev, dup := seen[r.OpaqueID]; dup {
			t.Errorf("%s and %s share opaque ID %s", prev, r.ID, r.OpaqueID)
		}
		seen[r.OpaqueID] = r.ID
		if !opaque.MatchString(r.OpaqueID) {
			t.Errorf("%s: opaque ID %q is not CLnnnn", r.ID, r.OpaqueID)
		}
		if !slices.Contains([]string{"error", "warning", "note"}, r.Level) {
			t.Errorf("%s: level %q", r.ID, r.Level)
		}
		if !slices.Contains([]string{"very-high", "high", "medium", "low"}, r.Precision) {
			t.Errorf("%s: precision %q", r.ID, r.Precision)
		}
		security := slices.Contains(r.Tags, "security")
		if security != (r.SecuritySeverity != "") || (security && !severity.MatchString(r.SecuritySeverity)) {
			t.Errorf("%s: tags %v, security-severity %q: want a severity exactly for security rules", r.ID, r.Tags, r.SecuritySeverity)
		}
		for name, s := range map[string]string{"title": r.Title, "short": r.Short, "full": r.Full, "help": r.HelpText, "markdown": r.HelpMarkdown} {
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: empty %s description", r.ID, name)
			}
		}
		if strings.Contains(r.Title+r.Short+r.Full, "`") || strings.Contains(r.Full, "](") {
			t.Errorf("%s: Markdown left in plain text: %q / %q / %q", r.ID, r.Title, r.Short, r.Full)
		}
		if !strings.HasSuffix(r.HelpURI, "/rules.md#"+r.ID) {
			t.Errorf("%s: help URI %s", r.ID, r.HelpURI)
		}
		if m := regexp.MustCompile(`\]\((?:#|\.\./|[a-z-]+\.md)`).FindString(r.HelpMarkdown); m != "" {
			t.Errorf("%s: relative link %q left in the help", r.ID, m)
		}
	}
}

func TestDescribe(t *testing.T) {
	sec := "**The `env` is *written*.**\n\n### What it reports\n\nA call of `os.Setenv`,\nsee [roots](#concurrent-roots).\n\nMore.\n\n" +
		"### Why it matters\n\nBecause.\n\n### How to fix it\n\nUse [profileenv](../profileenv).\n\n```go\nx := `y`\n```\n"
	r := describe("env-write-concurrent", sec, "https://h/docs")
	if r.Title != "The env is written." {
		t.Errorf("title %q", r.Title)
	}
	if r.Full != "A call of os.Setenv, see roots." {
		t.Errorf("full %q", r.Full)
	}
	for _, want := range []string{"(https://h/docs/rules.md#concurrent-roots)", "(https://h/profileenv)"} {
		if !strings.Contains(r.HelpMarkdown, want) {
			t.Errorf("markdown lacks %s:\n%s", want, r.HelpMarkdown)
		}
	}
	want := "The env is written.\n\nWhat it reports:\n\nA call of os.Setenv,\nsee roots.\n\nMore.\n\nHow to fix it:\n\nUse profileenv.\n\nx := `y`\n\nMore: " + r.HelpURI
	if r.HelpText != want {
		t.Errorf("help text:\n%s\nwant:\n%s", r.HelpText, want)
	}
}

// TestLevels gives each tier its SARIF level: races are errors, request
// reads and names chosen by data warnings, advice notes.
func TestLevels(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		analyzer.RuleEnvWrite: "error", analyzer.RuleCredRead: "error", analyzer.RuleExecInherit: "error",
		analyzer.RuleTestSetenvParallel: "error", analyzer.RuleWriteBeforeSubtests: "error",
		analyzer.RuleRequestRead: "warning", analyzer.RuleDynamicRead: "warning",
		analyzer.RuleSharedRead: "note", analyzer.RuleExecExposes: "note", analyzer.RuleContextRead: "note",
		analyzer.RuleIgnoreDirective: "warning",
	}
	for _, r := range all {
		if r.Level != want[r.ID] {
			t.Errorf("%s: level %q, want %q", r.ID, r.Level, want[r.ID])
		}
		if r.Tier == "" {
			t.Errorf("%s: no tier", r.ID)
		}
		if r.Off != (r.Level == "note") {
			t.Errorf("%s: off by default %v, level %s: want exactly the advice rules off", r.ID, r.Off, r.Level)
		}
	}
}

// TestDocListsSARIFIDs: docs/rules.md maps every opaque SARIF ruleId to
// its rule, so a user reading a SARIF report can find the rule.
func TestDocListsSARIFIDs(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	for id, a := range table {
		if row := "| " + a.opaqueID + " | " + id + " |"; !strings.Contains(string(doc), row) {
			t.Errorf("docs/rules.md lacks the row %q", row)
		}
	}
}
