// Package output renders the results of a credlint run in the formats that
// cmd/credlint offers, one file per format: text.go for people, github.go
// for GitHub workflow annotations, sarif.go for code scanning, model.go for
// scripts (-format=json), and json.go for the JSON tree that go vet's
// drivers print (-json).
//
// Every format is built from one small model, a [Report]: the [Finding]s
// (with positions already resolved, so that no format needs a
// token.FileSet) and the [Error]s of packages that could not be analysed.
// The driver fills a Report once and hands it to a format.
package output

import (
	"cmp"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// A Report is everything one run has to show.
type Report struct {
	Findings []Finding
	Errors   []Error
	// Stale lists the baseline entries that matched no finding, so that
	// the baseline file can shrink; empty without -baseline.
	Stale []StaleEntry
}

// Counted returns the findings that are not suppressed: those that set
// the exit status and that the text and annotation formats show.
func (r *Report) Counted() []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if len(f.Suppressions) == 0 {
			out = append(out, f)
		}
	}
	return out
}

// A Finding is one diagnostic of one analyzer on one package or, in the
// standalone driver's whole-program view, one access with every root that
// reaches it.
type Finding struct {
	Package  string         // package ID, e.g. "example.com/m [example.com/m.test]"
	Analyzer string         // analyzer name, e.g. "credlint"
	Posn     token.Position // start of the reported range
	End      token.Position // end of the reported range; equals Posn when the diagnostic has none
	Message  string
	Category string // rule ID; may be empty
	Related  []Related
	Fixes    []Fix

	// The fields below are filled by the standalone driver; go vet's JSON
	// tree does not show them.

	// Witnesses lists the concurrent roots that reach the access, one
	// witness path each, in a fixed order. Empty for findings without a
	// path (a malformed ignore directive).
	Witnesses []Witness
	// Fingerprint identifies the finding independently of line numbers;
	// see package program.
	Fingerprint string
	// Suppressions, when not empty, say why the finding does not count:
	// an ignore directive, or an entry of the baseline.
	Suppressions []Suppression
	// Baseline is BaselineNew or BaselineUnchanged when the run compared
	// the findings with a baseline, and empty otherwise.
	Baseline string
}

// Baseline states of a finding or witness.
const (
	BaselineNew       = "new"       // not in the baseline
	BaselineUnchanged = "unchanged" // every root of it is in the baseline
)

// NewRoots returns the witnesses of a finding that the baseline lists
// under some roots but not under these: a new root reaching an old
// access. It returns nil when the finding is all new or all old. Every
// format says which roots are new, and the GitHub format annotates the
// first new root, in the code that changed, instead of the old access.
func (f Finding) NewRoots() []Witness {
	old := slices.ContainsFunc(f.Witnesses, func(w Witness) bool { return w.Baseline == BaselineUnchanged })
	if !old {
		return nil
	}
	var out []Witness
	for _, w := range f.Witnesses {
		if w.Baseline == BaselineNew {
			out = append(out, w)
		}
	}
	return out
}

// NotInBaseline is how every format marks a new root of a finding whose
// other roots the baseline lists.
const NotInBaseline = "not in the baseline"

// A Witness is one concurrent root that reaches a finding's access, with
// the path from the root to the access.
type Witness struct {
	Root   Root
	Keys   []string // the variable names this root reaches at the access, as envaccess renders keys
	Holder string   // the function that makes the access, e.g. "providers.lookup"
	Op     string   // the accessing function, e.g. "os.Getenv"
	// Frames is the path: the root first, then one frame per call, the
	// access last.
	Frames []Frame
	// Fingerprint identifies the rule, the root and the access, without
	// positions. Baseline entries are kept per witness.
	Fingerprint string
	Baseline    string // BaselineNew, BaselineUnchanged or ""
}

// A Root identifies a concurrent root without positions.
type Root struct {
	Package string // import path of the package that holds the root
	Name    string // display name of the body, e.g. "(*server).ServeHTTP", "func literal in main"
	Kind    string // "HTTP handler", "gin handler", "gRPC method", "goroutine", "parallel test", ...
}

// String renders the root as messages do: "HTTP handler (*server).ServeHTTP".
func (r Root) String() string { return r.Kind + " " + r.Name }

// A Frame is one step of a witness path.
type Frame struct {
	Posn     token.Position // Column is 0 when only the line is known
	End      token.Position // equals Posn when unknown
	Message  string         // "goroutine started here", "calls providers.Status", "os.Getenv called here"
	Function string         // the function called here; empty for the root's frame
	Origin   Origin         // whose code the frame is in
	// Elided, when not 0, makes this frame stand for that many calls left
	// out of a path longer than the analysis keeps (envaccess.MaxHops),
	// before the access; it sits at the last call kept, and its Message
	// says so ("... 3 calls elided ...").
	Elided int
}

// Origin says whose code a frame is in.
type Origin string

const (
	OriginUser       Origin = "user"        // the analysed module
	OriginThirdParty Origin = "third-party" // another module
	OriginStdlib     Origin = "stdlib"      // the standard library
)

// A Suppression says why a finding does not count.
type Suppression struct {
	Kind          string         // SuppressInSource or SuppressExternal
	Justification string         // the directive's reason, or the baseline entry's comment
	Posn          token.Position // the directive, for SuppressInSource
}

// Suppression kinds, as SARIF names them.
const (
	SuppressInSource = "inSource" // a //credlint:ignore directive
	SuppressExternal = "external" // a baseline entry
)

// A StaleEntry is a baseline entry that no finding matched.
type StaleEntry struct {
	Fingerprint string
	Rule        string
	Root        string
	Access      string
}

// A Rule describes one rule ID for formats that carry rule metadata
// (SARIF). The driver builds them from docs/rules.md.
type Rule struct {
	ID               string // the rule ID, Finding.Category
	OpaqueID         string // stable opaque ID, e.g. "CL1001"
	Title            string // one sentence
	Short            string // what it reports, one line
	Full             string // what it reports, a paragraph
	HelpText         string
	HelpMarkdown     string
	HelpURI          string
	Level            string // "error", "warning" or "note"
	Tier             string // "race", "request read", "name chosen by data", "advice" or "directive"
	Off              bool   // off by default (the advice tier): -rules turns it on
	Precision        string // "very-high", "high", "medium" or "low"
	SecuritySeverity string // "0.0" to "10.0"; empty when the rule is not about security
	Tags             []string
}

// A Related entry is one hop of a finding's witness path, root first.
type Related struct {
	Posn    token.Position
	End     token.Position // equals Posn when the hop has no end
	Message string
}

// A Fix is one suggested fix: edits to apply all together or not at all.
type Fix struct {
	Message string
	Edits   []Edit
}

// An Edit replaces the bytes [Start, End) of Filename with New.
type Edit struct {
	Filename   string
	Start, End int // byte offsets
	New        string
}

// An Error says that an analyzer could not analyse a package.
type Error struct {
	Package  string // package ID
	Analyzer string // analyzer name
	Message  string // what went wrong and, where we know it, what to do
}

// FromDiagnostic resolves the positions of d in fset and returns it as a
// Finding of analyzer on package pkg (a package ID). Positions are resolved
// the way go vet's drivers resolve them for their JSON output, so that the
// JSON format matches theirs byte for byte.
func FromDiagnostic(fset *token.FileSet, pkg, analyzer string, d analysis.Diagnostic) Finding {
	f := Finding{
		Package:  pkg,
		Analyzer: analyzer,
		Posn:     fset.Position(d.Pos),
		End:      fset.Position(cmp.Or(d.End, d.Pos)),
		Message:  d.Message,
		Category: d.Category,
	}
	for _, r := range d.Related {
		f.Related = append(f.Related, Related{
			Posn:    fset.Position(r.Pos),
			End:     fset.Position(cmp.Or(r.End, r.Pos)),
			Message: r.Message,
		})
	}
	for _, sf := range d.SuggestedFixes {
		fix := Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			fix.Edits = append(fix.Edits, Edit{
				Filename: fset.Position(e.Pos).Filename,
				Start:    fset.Position(e.Pos).Offset,
				End:      fset.Position(e.End).Offset,
				New:      string(e.NewText),
			})
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f
}
