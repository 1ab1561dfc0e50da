package golangci

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzer"
)

// withoutDuplicateRelated returns credlint's analyzer with one change for
// golangci-lint: a related-information entry that an earlier diagnostic of
// the same package already carries, at the same place golangci-lint would
// show it, is dropped. golangci-lint turns every related entry into an
// issue of its own ("credlint(related information): ..."), moved onto the
// diagnostic's position when it is in another file, and four findings of
// one handler then showed "HTTP handler registered here" four times on one
// line. Each diagnostic still names its whole path in its message.
//
// The copy shares Requires, flags and everything else with
// analyzer.Analyzer; only Run differs.
func withoutDuplicateRelated() *analysis.Analyzer {
	a := *analyzer.Analyzer
	a.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		seen := map[shownRelated]bool{}
		p.Report = func(d analysis.Diagnostic) {
			d.Related = unseenRelated(pass.Fset, d, seen)
			pass.Report(d)
		}
		return analyzer.Analyzer.Run(&p)
	}
	return &a
}

// shownRelated is where and what golangci-lint shows for a related entry.
type shownRelated struct {
	pos token.Pos
	msg string
}

// unseenRelated returns d's related entries that seen does not hold yet,
// and adds them to it.
func unseenRelated(fset *token.FileSet, d analysis.Diagnostic, seen map[shownRelated]bool) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, rel := range d.Related {
		k := shownRelated{rel.Pos, rel.Message}
		if fset.File(rel.Pos) != fset.File(d.Pos) {
			k.pos = d.Pos // shown on the diagnostic's line
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, rel)
	}
	return out
}
