// Package output renders the results of a credlint run in the formats that
// cmd/credlint offers, one file per format: text.go for people and json.go
// for scripts (the JSON tree that go vet's drivers print).
//
// Every format is built from one small model, a [Report]: the [Finding]s
// (one per diagnostic, with positions already resolved, so that no format
// needs a token.FileSet) and the [Error]s of packages that could not be
// analysed. The driver fills a Report once and hands it to a format.
package output

import (
	"cmp"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// A Report is everything one run has to show.
type Report struct {
	Findings []Finding
	Errors   []Error
}

// A Finding is one diagnostic of one analyzer on one package.
type Finding struct {
	Package  string         // package ID, e.g. "example.com/m [example.com/m.test]"
	Analyzer string         // analyzer name, e.g. "credlint"
	Posn     token.Position // start of the reported range
	End      token.Position // end of the reported range; equals Posn when the diagnostic has none
	Message  string
	Category string // rule ID; may be empty
	Related  []Related
	Fixes    []Fix
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
