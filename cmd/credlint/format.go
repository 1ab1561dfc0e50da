package main

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
	"github.com/credlint/credlint/cmd/credlint/internal/rules"

	"github.com/credlint/credlint/internal/quote"
)

// Output formats of -format.
const (
	formatText     = "text"
	formatJSON     = "json"
	formatSARIF    = "sarif"
	formatGitHub   = "github"
	formatMarkdown = "markdown"
)

// findingFormats are the formats of credlint's findings; auditFormats
// those of credlint audit.
var (
	findingFormats = []string{formatText, formatJSON, formatSARIF, formatGitHub}
	auditFormats   = []string{formatText, formatMarkdown, formatJSON}
)

// choiceFlag is a flag with a value from a list: -format, -engine. It
// checks the value when set.
type choiceFlag struct {
	what    string // "format"
	name    string
	allowed []string
}

func (f *choiceFlag) String() string { return f.name }
func (f *choiceFlag) Set(s string) error {
	if !slices.Contains(f.allowed, s) {
		return fmt.Errorf("unknown %s %s (want %s)", f.what, quote.Short(s), strings.Join(f.allowed, ", "))
	}
	f.name = s
	return nil
}

// writeFindings writes r's findings to w in the format o asks for.
// Warnings go to stderr.
func writeFindings(w, stderr *os.File, r *output.Report, res *runResult, o *options, cwd string) error {
	if o.json {
		return output.WriteJSON(w, r)
	}
	switch o.format.name {
	case formatJSON:
		all, err := rules.All()
		if err != nil {
			return err
		}
		tiers := map[string]string{}
		for _, rule := range all {
			tiers[rule.ID] = rule.Tier
		}
		return output.Model{SrcRoot: res.srcRoot, Tiers: tiers}.Write(w, r)
	case formatSARIF:
		all, err := rules.All()
		if err != nil {
			return err
		}
		return output.SARIF{Rules: all, Version: toolVersion(), SrcRoot: res.srcRoot}.Write(w, r)
	case formatGitHub:
		changed, err := changedFiles(res.srcRoot, o.changedFrom)
		if err != nil {
			// A shallow clone without the base commit must not fail the
			// gate: annotate everything instead.
			fmt.Fprintf(stderr, "%s: -changed-from: %v; annotating every finding (fetch the base revision, e.g. with fetch-depth: 0)\n", progname, err)
		}
		all, err := rules.All()
		if err != nil {
			return err
		}
		levels := map[string]string{}
		for _, rule := range all {
			levels[rule.ID] = strings.Replace(rule.Level, "note", "notice", 1)
		}
		return output.GitHub{SrcRoot: res.srcRoot, Changed: changed, ChangedFrom: o.changedFrom, Levels: levels}.Write(w, r)
	}
	return output.Text{Color: output.ShouldColor(w), Dir: cwd}.Write(w, r)
}

// toolVersion is credlint's module version, or "0.0.0-devel" when built
// from a checkout (SARIF viewers compare versions that start with a number).
func toolVersion() string {
	if v := moduleVersion(); released(v) {
		return v
	}
	return "0.0.0-devel"
}
