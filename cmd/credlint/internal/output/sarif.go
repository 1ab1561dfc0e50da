package output

import (
	"cmp"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// SARIF renders a Report as a SARIF 2.1.0 log for GitHub code scanning and
// other SARIF viewers: one run, one rule per rule ID (with its help from
// docs/rules.md), and one result per finding, with
//
//   - the location, relative to %SRCROOT% (the repository root);
//   - one code flow per root that reaches the access, from the root to the
//     access through every package on the way; frames outside the
//     repository (the module cache, GOROOT) have absolute file: URIs;
//   - partialFingerprints that do not depend on line numbers;
//   - fixes, for suggested fixes whose edits are all inside the repository;
//   - suppressions, for findings an ignore directive or the baseline covers,
//     which are kept in the log rather than dropped;
//   - baselineState, when the run compared with a baseline.
//
// Errors become tool execution notifications.
type SARIF struct {
	Rules   []Rule
	Version string // credlint's version
	// SrcRoot is the absolute directory that %SRCROOT% stands for.
	SrcRoot string
}

// SARIF constants that GitHub reads.
const (
	sarifSchema      = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifToolURI     = "https://github.com/credlint/credlint"
	sarifSrcRoot     = "%SRCROOT%"
	sarifFingerprint = "credlintFingerprint/v2"
)

// Write writes r to w as an indented SARIF log.
func (s SARIF) Write(w io.Writer, r *Report) error {
	log, err := s.Build(r)
	if err != nil {
		return err
	}
	if err := log.PrettyWrite(w); err != nil {
		return fmt.Errorf("output: encoding SARIF: %w", err)
	}
	_, err = io.WriteString(w, "\n")
	return err
}

// Build returns r as a SARIF log.
func (s SARIF) Build(r *Report) (*sarif.Report, error) {
	log := sarif.NewReport()
	log.Schema = sarifSchema
	run := sarif.NewRunWithInformationURI("credlint", sarifToolURI)
	run.Tool.Driver.WithVersion(s.Version)
	run.ColumnKind = ptr("utf16CodeUnits")
	root := sarif.NewArtifactLocation().WithURI((&url.URL{Scheme: "file", Path: filepath.ToSlash(s.SrcRoot) + "/"}).String())
	run.OriginalUriBaseIds = map[string]sarif.ArtifactLocation{sarifSrcRoot: *root}
	byID := map[string]Rule{}
	for _, rule := range s.Rules {
		byID[rule.ID] = rule
		run.Tool.Driver.AddRule(s.rule(rule))
	}
	lines := newLineCache()
	for _, f := range sortedFindings(r.Findings) {
		rule, ok := byID[f.Category]
		if !ok {
			// A rule without metadata (another analyzer's, or one added
			// without docs): describe it by its ID rather than lose it.
			rule = Rule{ID: f.Category, OpaqueID: cmp.Or(f.Category, "unknown"), Level: sarif.LevelWarning}
			rule.Title, rule.Short, rule.Full, rule.HelpText = rule.ID, rule.ID, rule.ID, rule.ID
			byID[f.Category] = rule
			run.Tool.Driver.AddRule(s.rule(rule))
		}
		res := s.result(f, rule, lines)
		res.WithRuleIndex(run.GetRuleIndex(rule.OpaqueID))
		run.AddResult(res)
	}
	inv := sarif.NewInvocation().WithExecutionSuccessful(len(r.Errors) == 0)
	for _, e := range r.Errors {
		n := sarif.NewNotification().WithLevel(sarif.LevelError).
			WithMessage(sarif.NewTextMessage(e.Package + ": " + e.Message))
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	run.AddInvocation(inv)
	log.AddRun(run)
	return log, nil
}

// rule describes one rule: its opaque ID, its name (the rule ID users
// see and write in directives), and its texts and attributes.
func (s SARIF) rule(r Rule) *sarif.ReportingDescriptor {
	props := sarif.NewPropertyBag().WithTags(slices.Clone(r.Tags))
	if r.Precision != "" {
		props.Add("precision", r.Precision)
	}
	if r.SecuritySeverity != "" {
		props.Add("security-severity", r.SecuritySeverity)
	}
	props.Add("problem.severity", problemSeverity(r.Level))
	if r.Tier != "" {
		props.Add("tier", r.Tier)
	}
	help := sarif.NewMultiformatMessageString().WithText(r.HelpText)
	if r.HelpMarkdown != "" {
		help.WithMarkdown(r.HelpMarkdown)
	}
	d := sarif.NewRule(r.OpaqueID).
		WithName(r.ID).
		WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Short)).
		WithFullDescription(sarif.NewMultiformatMessageString().WithText(r.Full)).
		WithHelp(help).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(r.Level).WithEnabled(!r.Off)).
		WithProperties(props)
	if r.HelpURI != "" {
		d.WithHelpURI(r.HelpURI)
	}
	return d
}

// problemSeverity maps a level to GitHub's problem.severity, used for
// rules that have no security-severity.
func problemSeverity(level string) string {
	switch level {
	case sarif.LevelError:
		return "error"
	case sarif.LevelNote:
		return "recommendation"
	}
	return "warning"
}

func (s SARIF) result(f Finding, rule Rule, lines *lineCache) *sarif.Result {
	res := sarif.NewRuleResult(rule.OpaqueID).
		WithLevel(rule.Level).
		WithMessage(sarif.NewTextMessage(f.Message))
	res.AddLocation(sarif.NewLocationWithPhysicalLocation(s.physical(f.Posn, f.End, lines)))
	if f.Fingerprint != "" {
		res.WithPartialFingerprints(map[string]string{sarifFingerprint: f.Fingerprint})
	}
	partly := len(f.NewRoots()) > 0
	for i, w := range f.Witnesses {
		root := w.Root.String()
		if partly && w.Baseline == BaselineNew {
			root += " (" + NotInBaseline + ")"
		}
		res.AddRelatedLocation(sarif.NewLocationWithPhysicalLocation(s.physical(w.Frames[0].Posn, w.Frames[0].End, lines)).
			WithID(i + 1).
			WithMessage(sarif.NewTextMessage(root)))
		res.AddCodeFlow(s.codeFlow(w, root, lines))
	}
	for _, fix := range f.Fixes {
		if sf := s.fix(fix); sf != nil {
			res.AddFixe(sf)
		}
	}
	for _, sup := range f.Suppressions {
		res.AddSuppression(s.suppression(sup, lines))
	}
	if f.Baseline != "" {
		res.WithBaselineState(f.Baseline)
	}
	return res
}

// codeFlow renders one witness: the root (described as root), each call,
// the access.
func (s SARIF) codeFlow(w Witness, root string, lines *lineCache) *sarif.CodeFlow {
	tf := sarif.NewThreadFlow()
	depth := 0 // calls deep, elided ones included
	for i, fr := range w.Frames {
		loc := sarif.NewLocationWithPhysicalLocation(s.physical(fr.Posn, fr.End, lines)).
			WithMessage(sarif.NewTextMessage(fr.Message))
		tfl := sarif.NewThreadFlowLocation().WithLocation(loc).WithNestingLevel(depth).WithExecutionOrder(i + 1)
		depth += max(1, fr.Elided)
		switch {
		case fr.Elided > 0:
			// Stands for calls left out: no call is made at its location.
			tfl.WithKinds([]string{"unknown"}).WithImportance("important").
				WithProperties(sarif.NewPropertyBag().Add("elided", fr.Elided))
			tf.AddLocation(tfl)
			continue
		case i == 0:
			tfl.WithKinds([]string{"enter"}).WithImportance("essential")
		case i == len(w.Frames)-1:
			tfl.WithKinds([]string{"call"}).WithImportance("essential")
		default:
			tfl.WithKinds([]string{"call"}).WithImportance("important")
		}
		if fr.Origin != "" {
			tfl.WithProperties(sarif.NewPropertyBag().Add("origin", string(fr.Origin)))
		}
		tf.AddLocation(tfl)
	}
	last := w.Frames[len(w.Frames)-1]
	msg := root + " reaches " + cmp.Or(last.Function, "the access")
	return sarif.NewCodeFlow().WithMessage(sarif.NewTextMessage(msg)).WithThreadFlows([]*sarif.ThreadFlow{tf})
}

// physical renders a range: relative to %SRCROOT% inside the repository,
// an absolute file: URI outside it. A range without a column covers its
// line.
func (s SARIF) physical(posn, end token.Position, lines *lineCache) *sarif.PhysicalLocation {
	loc := sarif.NewArtifactLocation()
	if rel, ok := s.rel(posn.Filename); ok {
		loc.WithURI((&url.URL{Path: rel}).String()).WithURIBaseID(sarifSrcRoot)
	} else {
		loc.WithURI((&url.URL{Scheme: "file", Path: filepath.ToSlash(posn.Filename)}).String())
	}
	region := sarif.NewRegion().WithStartLine(max(posn.Line, 1))
	if posn.Column > 0 {
		region.WithStartColumn(lines.utf16Col(posn))
		if end.Filename == posn.Filename && end.Line >= posn.Line && end.Column > 0 {
			region.WithEndLine(end.Line).WithEndColumn(lines.utf16Col(end))
		}
	}
	return sarif.NewPhysicalLocation().WithArtifactLocation(loc).WithRegion(region)
}

// rel returns name relative to the source root, with slashes, when it is
// inside it.
func (s SARIF) rel(name string) (string, bool) {
	if s.SrcRoot == "" || !filepath.IsAbs(name) {
		return "", false
	}
	rel := RelPath(s.SrcRoot, name)
	if rel == name {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// fix renders a suggested fix as a SARIF fix, or returns nil when it is not
// a valid one: every edit must be in a file inside the repository, and the
// edits of a file must not overlap.
func (s SARIF) fix(fix Fix) *sarif.Fix {
	byFile := map[string][]Edit{}
	var files []string
	for _, e := range fix.Edits {
		if _, ok := s.rel(e.Filename); !ok || e.Start < 0 || e.End < e.Start {
			return nil
		}
		if byFile[e.Filename] == nil {
			files = append(files, e.Filename)
		}
		byFile[e.Filename] = append(byFile[e.Filename], e)
	}
	if len(files) == 0 {
		return nil
	}
	slices.Sort(files)
	sf := sarif.NewFix().WithDescription(sarif.NewTextMessage(fix.Message))
	for _, name := range files {
		edits := byFile[name]
		slices.SortStableFunc(edits, func(a, b Edit) int { return cmp.Compare(a.Start, b.Start) })
		rel, _ := s.rel(name)
		change := sarif.NewArtifactChange().
			WithArtifactLocation(sarif.NewArtifactLocation().WithURI((&url.URL{Path: rel}).String()).WithURIBaseID(sarifSrcRoot))
		for i, e := range edits {
			if i > 0 && e.Start < edits[i-1].End {
				return nil // overlapping edits
			}
			region := sarif.NewRegion().WithByteOffset(e.Start).WithByteLength(e.End - e.Start)
			change.AddReplacement(sarif.NewReplacement().WithDeletedRegion(region).WithInsertedContent(sarif.NewArtifactContent().WithText(e.New)))
		}
		sf.AddArtifactChange(change)
	}
	return sf
}

func (s SARIF) suppression(sup Suppression, lines *lineCache) *sarif.Suppression {
	out := sarif.NewSuppression().WithKind(sup.Kind).WithStatus("accepted")
	if j := strings.TrimSpace(sup.Justification); j != "" {
		out.WithJustification(j)
	}
	if sup.Posn.IsValid() {
		out.WithLocation(sarif.NewLocationWithPhysicalLocation(s.physical(sup.Posn, sup.Posn, lines)))
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// ValidateSARIF checks a SARIF log, as written by SARIF.Write, against the
// SARIF 2.1.0 JSON schema, with the validator of the SARIF library. The
// log is decoded strictly (no defaults filled in), so what is validated is
// what was written.
func ValidateSARIF(data []byte) error {
	log, err := sarif.FromBytes(data, sarif.WithStrictValidation())
	if err != nil {
		return fmt.Errorf("not a SARIF log: %w", err)
	}
	if log.Version != "2.1.0" {
		return fmt.Errorf("SARIF version %q, want 2.1.0", log.Version)
	}
	return log.Validate()
}
