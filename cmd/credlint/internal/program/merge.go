package program

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// This file is the second step of the whole-program findings (see
// parts.go): the merge of the parts of all units.

// Merge returns the findings that parts make, from one unit or from
// many, sorted by position, with their witnesses and fingerprints: the
// parts with one key are one finding.
func Merge(parts []Part) []output.Finding {
	var out []merged
	groups := map[string][]*Part{}
	var keys []string
	for i := range parts {
		pt := &parts[i]
		if pt.Key == "" {
			out = append(out, merged{f: pt.Entries[0].Finding, fn: pt.Func})
			continue
		}
		if groups[pt.Key] == nil {
			keys = append(keys, pt.Key)
		}
		groups[pt.Key] = append(groups[pt.Key], pt)
	}
	for _, k := range keys {
		out = append(out, merged{f: mergeParts(groups[k])})
	}
	slices.SortStableFunc(out, func(a, b merged) int { return compareFindings(a.f, b.f) })
	assignFingerprints(out)
	fs := make([]output.Finding, len(out))
	for i, m := range out {
		fs[i] = m.f
	}
	return fs
}

// A merged finding, with the function around it when it has no witness.
type merged struct {
	f  output.Finding
	fn string
}

// A placed witness is a root's witness with its part.
type placed struct {
	*RootWitness
	part *Part
}

// mergeParts returns the one finding of parts that share a key. Its
// witnesses are in the order of their roots' positions, and its message
// is that of the diagnostic of the first root's first pair.
func mergeParts(parts []*Part) output.Finding {
	var all []placed
	for _, pt := range parts {
		for i := range pt.Roots {
			all = append(all, placed{&pt.Roots[i], pt})
		}
	}
	slices.SortStableFunc(all, func(a, b placed) int { return comparePosn(a.Posn, b.Posn) })
	first := all[0]
	entry := first.part.Entries[first.Entry]
	f := entry.Finding
	if an := first.part.Anchor; an != nil {
		f.Posn, f.End = an.Posn, an.End
		f.Package = cmp.Or(an.Package, f.Package)
	}
	var ws []output.Witness
	seen := map[string]int{}
	f.Fixes = nil
	for _, pw := range all {
		f.Fixes = addFixes(f.Fixes, pw.Fixes)
		if i, dup := seen[pw.Key]; dup {
			// The same root from two parts (a package analysed twice):
			// one witness, with the keys of both.
			for _, k := range pw.Witness.Keys {
				if !slices.Contains(ws[i].Keys, k) {
					ws[i].Keys = append(ws[i].Keys, k)
				}
			}
			slices.Sort(ws[i].Keys)
			continue
		}
		seen[pw.Key] = len(ws)
		w := pw.Witness
		w.Keys = slices.Clone(w.Keys)
		ws = append(ws, w)
	}
	f.Message = message(entry.Finding.Message, entry.RootDesc, ws)
	if first.Own {
		f.Message = setSentence(f.Message, first.Short, first.Sentence)
	}
	f.Witnesses = ws
	f.Related = nil
	for _, fr := range ws[0].Frames {
		f.Related = append(f.Related, output.Related{Posn: fr.Posn, End: fr.End, Message: fr.Message})
	}
	return f
}

// message returns the message msg of the first diagnostic, whose root
// desc describes, with the keys and the count of other roots of the whole
// finding.
func message(msg, desc string, ws []output.Witness) string {
	var keys []string
	for _, w := range ws {
		for _, k := range w.Keys {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	if subject, rest := splitSubject(msg); subject != "" {
		if s, ok := constSubject(ws[0].Op, keys); ok {
			msg = s + rest
		}
	}
	if desc != "" && countOthers(msg, desc) != len(ws)-1 {
		msg = setOthers(msg, desc, len(ws)-1)
	}
	return msg
}

// assignFingerprints sets the fingerprints of fs, which are sorted by
// position, so that twins are numbered in file order.
func assignFingerprints(fs []merged) {
	seen := map[string]int{}
	src := sources{}
	unique := func(parts []string) string {
		h := hash(parts...)
		seen[h]++
		if n := seen[h]; n > 1 {
			return hash(append(parts, "#"+strconv.Itoa(n))...)
		}
		return h
	}
	for i := range fs {
		f := &fs[i].f
		for j := range f.Witnesses {
			f.Witnesses[j].Fingerprint = unique(witnessIdentity(f.Category, f.Witnesses[j], src.accessText(f.Witnesses[j])))
		}
		if len(f.Witnesses) > 0 {
			f.Fingerprint = f.Witnesses[0].Fingerprint
		} else {
			f.Fingerprint = unique(findingIdentity(*f, fs[i].fn))
		}
	}
}
