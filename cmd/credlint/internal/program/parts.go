package program

import (
	"fmt"
	"go/token"
	"slices"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// The whole-program findings are made in two steps, so that the first can
// run in each unit's process under go vet and the second in the driver:
//
//  1. Parts: a unit's diagnostics become (root, access) pairs, grouped by
//     rule and anchor; for each group, each root's best witness, fully
//     resolved. Every pair of a root is in the root's own unit, so this
//     step needs no other unit.
//  2. Merge: the parts of one group from all units become one finding,
//     with the witnesses in the order of their roots, the message of the
//     first root's diagnostic, and fingerprints.
//
// Parts and everything in them encode to JSON.

// A Part is what one unit contributes to one whole-program finding.
type Part struct {
	// Key is the rule, the anchor and whether a directive suppresses the
	// finding; parts with one key are one finding. Empty for a diagnostic
	// without a witness path (a directive problem), which is a finding on
	// its own.
	Key     string
	Entries []Entry // the diagnostics the part comes from
	Anchor  *Anchor // where the finding is reported; nil: at the first entry's own position
	Roots   []RootWitness
	Func    string // for a part without a key: the function around it, for its fingerprint
}

// An Entry is one diagnostic of the analyzer, as go vet shows it.
type Entry struct {
	Finding  output.Finding
	RootDesc string // the description of the diagnostic's root in its message, or ""
}

// An Anchor is the resolved position of a finding.
type Anchor struct {
	Posn, End token.Position
	Package   string // the ID of the package that holds it, or ""
}

// A RootWitness is one root's witness in a part.
type RootWitness struct {
	Key     string         // identifies the root in the program
	Posn    token.Position // where the root starts: witnesses are sorted by it
	Witness output.Witness
	Entry   int  // index in Part.Entries of the diagnostic of the root's first pair
	Own     bool // the root is that diagnostic's own root (not one it counts)
	// Short and Sentence are the root's short name and the witness
	// sentence of its best path, which ends the message when the root is
	// the finding's first and Own.
	Short, Sentence string
	Fixes           []output.Fix
}

// Parts returns the program's findings before the merge: one part per
// rule and anchor, and one per diagnostic without a witness path.
func (p *Program) Parts() []Part {
	groups := map[string][]*pair{}
	var keys []string
	var out []Part
	for _, u := range p.units {
		for _, d := range u.Diagnostics {
			e := p.newEntry(u, d)
			if !e.hasPath() {
				// a directive problem: reported as it is
				out = append(out, Part{Entries: []Entry{{Finding: e.f}}, Func: p.ix.enclosingFunc(e.f.Posn)})
				continue
			}
			for _, pr := range p.pairs(e) {
				k := fmt.Sprint(d.Category, "|", p.key(pr.anchor), "|", e.supp != nil)
				if groups[k] == nil {
					keys = append(keys, k)
				}
				groups[k] = append(groups[k], pr)
			}
		}
	}
	for _, k := range keys {
		out = append(out, p.part(k, groups[k]))
	}
	return out
}

// part returns the part of pairs that share key.
func (p *Program) part(key string, pairs []*pair) Part {
	slices.SortStableFunc(pairs, func(a, b *pair) int { return comparePosn(a.rootPosn(), b.rootPosn()) })
	pt := Part{Key: key}
	if posn, end, ok := p.position(pairs[0].anchor); ok {
		pt.Anchor = &Anchor{Posn: posn, End: end, Package: p.ix.packageOf(posn.Filename)}
	}
	entryIndex := map[*entry]int{}
	var order []string
	byRoot := map[string][]*pair{}
	for _, pr := range pairs {
		if _, ok := entryIndex[pr.e]; !ok {
			entryIndex[pr.e] = len(pt.Entries)
			en := Entry{Finding: pr.e.f}
			if pr.e.root != nil {
				en.RootDesc = analyzer.RootDesc(pr.e.root)
			}
			pt.Entries = append(pt.Entries, en)
		}
		k := pr.rootKey()
		if byRoot[k] == nil {
			order = append(order, k)
		}
		byRoot[k] = append(byRoot[k], pr)
	}
	for _, k := range order {
		prs := byRoot[k]
		w, best := p.pairWitness(prs)
		rw := RootWitness{
			Key: k, Posn: prs[0].rootPosn(), Witness: w,
			Entry: entryIndex[prs[0].e],
			Own:   prs[0].root != nil && prs[0].root == prs[0].e.root,
		}
		if best.root != nil {
			rw.Short = analyzer.RootShort(best.root)
			rw.Sentence = analyzer.WitnessSentence(best.root, best.access, best.e.u.Pkg.Types)
		}
		for _, pr := range prs {
			rw.Fixes = addFixes(rw.Fixes, pr.e.f.Fixes)
		}
		pt.Roots = append(pt.Roots, rw)
	}
	return pt
}

func addFixes(to, fixes []output.Fix) []output.Fix {
	for _, fix := range fixes {
		if !slices.ContainsFunc(to, func(x output.Fix) bool { return sameFix(x, fix) }) {
			to = append(to, fix)
		}
	}
	return to
}

// pairWitness returns the witness of one root: the best path among its
// pairs, with the keys of all of them, and the pair it shows.
func (p *Program) pairWitness(prs []*pair) (output.Witness, *pair) {
	if prs[0].root == nil {
		return *prs[0].witness, prs[0]
	}
	best := prs[0]
	for _, pr := range prs[1:] {
		if better(pr.access, best.access) {
			best = pr
		}
	}
	w := p.witness(best.e.u, best.root, best.access)
	for _, pr := range prs {
		if k := pr.access.KeyString(); !slices.Contains(w.Keys, k) {
			w.Keys = append(w.Keys, k)
		}
	}
	slices.Sort(w.Keys)
	return w, best
}
