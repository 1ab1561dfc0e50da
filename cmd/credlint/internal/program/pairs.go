package program

import (
	"cmp"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/cmd/credlint/internal/output"
	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// This file turns the analyzer's diagnostics into (root, access) pairs,
// the input of Parts.
//
// A diagnostic stands for every (root, access) pair the analyzer placed at
// its position: its own root's accesses under its rule whose path goes
// through that position, and those of the other roots it counts. Each pair
// has an anchor, the place the whole-program finding is reported at (see
// place.go). Pairs with the same rule and anchor are one finding, with one
// witness per root.

// An entry is one diagnostic of the analyzer.
type entry struct {
	u    *Unit
	d    analysis.Diagnostic
	f    output.Finding // the diagnostic as go vet shows it
	root *roots.Root    // the root that starts its witness, when the roots pass lists it
	supp *output.Suppression
}

// An anchor is a call: its "import/path/file.go:line" and the function it
// calls, and its exact position when the call is in a package of this
// process (two calls of one function on one line are told apart by it).
type anchor struct {
	at, callee string
	pos        token.Pos
}

// position resolves an anchor to the call's range.
func (p *Program) position(an anchor) (posn, end token.Position, ok bool) {
	if an.pos.IsValid() {
		posn, end = p.ix.span(an.pos)
		return posn, end, true
	}
	return p.ix.resolve(an.at, an.callee)
}

// key identifies an anchor for grouping: its resolved position when there
// is one.
func (p *Program) key(an anchor) string {
	if posn, _, ok := p.position(an); ok && posn.Column > 0 {
		return posn.String()
	}
	return an.at + "|" + an.callee
}

// A pair is one root reaching one access, from one diagnostic.
type pair struct {
	e       *entry
	root    *roots.Root      // nil for a witness read from related information
	access  envaccess.Access // when root is not nil
	witness *output.Witness  // when root is nil
	anchor  anchor
}

// rootKey identifies the root of a pair within the program.
func (p *pair) rootKey() string {
	var name string
	if p.root != nil {
		name = p.root.Name
	} else {
		name = p.witness.Root.Name
	}
	return p.e.u.Pkg.PkgPath + "|" + p.rootPosn().String() + "|" + name
}

// rootPosn is where the pair's root starts.
func (p *pair) rootPosn() token.Position {
	if p.root != nil {
		return p.e.u.Pkg.Fset.Position(p.root.Pos)
	}
	return p.witness.Frames[0].Posn
}

func comparePosn(a, b token.Position) int {
	return cmp.Or(cmp.Compare(a.Filename, b.Filename), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
}

// SuppressedPrefix starts the related information that marks a finding an
// ignore directive covers, for analyzers that report such findings instead
// of dropping them; see suppression.
const SuppressedPrefix = "suppressed by //credlint:ignore"

func (p *Program) newEntry(u *Unit, d analysis.Diagnostic) *entry {
	e := &entry{u: u, d: d}
	e.supp = suppression(u, &e.d)
	e.f = output.FromDiagnostic(u.Pkg.Fset, u.Pkg.ID, u.Analyzer, e.d)
	if e.supp != nil {
		e.f.Suppressions = []output.Suppression{*e.supp}
	}
	if len(e.d.Related) > 0 {
		e.root = u.rootAt(e.d.Related[0].Pos, e.d.Related[0].Message)
	}
	return e
}

// hasPath reports whether the diagnostic carries a witness: a root and at
// least the access.
func (e *entry) hasPath() bool {
	n := len(e.d.Related)
	return n >= 2 && strings.Contains(e.d.Related[n-1].Message, " called here")
}

// suppression removes the marker of a suppressed finding from d's related
// information and returns the suppression, or nil.
//
// The analyzer drops the findings that a //credlint:ignore directive
// covers. An analyzer that reports them instead, for SARIF, adds a last
// related entry at the directive: "suppressed by //credlint:ignore <rule>:
// <reason>".
func suppression(u *Unit, d *analysis.Diagnostic) *output.Suppression {
	n := len(d.Related)
	if n == 0 || !strings.HasPrefix(d.Related[n-1].Message, SuppressedPrefix) {
		return nil
	}
	rel := d.Related[n-1]
	d.Related = d.Related[: n-1 : n-1]
	_, reason, _ := strings.Cut(rel.Message, ": ")
	return &output.Suppression{Kind: output.SuppressInSource, Justification: reason, Posn: u.Pkg.Fset.Position(rel.Pos)}
}

// pairs returns the (root, access) pairs that e stands for.
func (p *Program) pairs(e *entry) []*pair {
	var out []*pair
	if e.root != nil {
		out = p.rootPairs(e, e.root)
	}
	if len(out) == 0 {
		// A root the roots pass does not list (a serial test, a function
		// under -context-reads), or accesses it cannot match: the
		// diagnostic's own witness.
		subject, _ := splitSubject(e.d.Message)
		w := p.relatedWitness(e.u, e.d, subject)
		return []*pair{{e: e, witness: &w, anchor: p.frameAnchor(w.Frames)}}
	}
	if e.u.Roots == nil {
		return out
	}
	n := countOthers(e.d.Message, analyzer.RootDesc(e.root))
	for _, r := range e.u.Roots.Roots {
		if n == 0 {
			break
		}
		if r == e.root {
			continue
		}
		if more := p.rootPairs(e, r); len(more) > 0 {
			out = append(out, more...)
			n--
		}
	}
	return out
}

// rootPairs returns the accesses of r under e's rule whose path goes
// through e's position (the analyzer reports each access where its path
// leaves the root's package, or at the root when the root's body is in
// another package).
func (p *Program) rootPairs(e *entry, r *roots.Root) []*pair {
	var out []*pair
	// Reads join in the tier the analyzer gave the diagnostic: a race
	// names the write it races with, or says that the writes in view hold
	// a lock it holds too (then only reads the analyzer reports without a
	// write join); the other tiers have no write in view.
	guarded := strings.Contains(e.d.Message, "hold a lock it holds too")
	racing := e.d.Category == analyzer.RuleCredRead ||
		e.d.Category == analyzer.RuleDynamicRead && !strings.Contains(e.d.Message, "nothing in view writes it")
	for _, a := range e.u.accesses(r) {
		if len(a.Path) == 0 || !p.matches(e.d.Category, e.u, r, a, racing) || !through(a, e.d.Pos, r) || p.settledRead(e.u, a) {
			continue // a read the call passes explicitly joins no finding
		}
		if racing && guarded && a.Kind == envaccess.Read && analyzer.NeedsWriter(p.cfg, e.u.Pkg.Fset, r, a) {
			continue
		}
		out = append(out, &pair{e: e, root: r, access: a, anchor: p.placeAnchor(e, r, a)})
	}
	return out
}

func through(a envaccess.Access, pos token.Pos, r *roots.Root) bool {
	if pos == r.Pos && !a.Path[0].Pos().IsValid() {
		return true
	}
	for _, h := range a.Path {
		if h.Pos() == pos {
			return true
		}
	}
	return false
}

func sameFix(a, b output.Fix) bool {
	return a.Message == b.Message && slices.Equal(a.Edits, b.Edits)
}
