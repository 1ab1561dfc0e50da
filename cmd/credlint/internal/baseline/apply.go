package baseline

import (
	"path/filepath"
	"strconv"
	"strings"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// FromReport returns a baseline of the findings of r that count (those no
// ignore directive covers): one entry per finding and root. Paths in "seen
// at" are relative to srcRoot. The comments of old's entries (old may be
// nil) are kept for the entries that remain.
func FromReport(r *output.Report, srcRoot string, old *File) *File {
	comments := map[string]string{}
	if old != nil {
		for _, e := range old.Entries {
			comments[e.Fingerprint] = e.Comment
		}
	}
	b := &File{}
	for _, f := range r.Findings {
		if inSource(f) {
			continue
		}
		at := filepath.ToSlash(output.RelPath(srcRoot, f.Posn.Filename)) + ":" + strconv.Itoa(f.Posn.Line)
		if len(f.Witnesses) == 0 {
			b.Entries = append(b.Entries, Entry{Fingerprint: f.Fingerprint, Rule: f.Category,
				Access: f.Message, At: at, Comment: comments[f.Fingerprint]})
			continue
		}
		for _, w := range f.Witnesses {
			b.Entries = append(b.Entries, Entry{Fingerprint: w.Fingerprint, Rule: f.Category,
				Root: w.Root.String() + " in " + w.Root.Package, Access: Access(w), At: at,
				Comment: comments[w.Fingerprint]})
		}
	}
	return b
}

// Access describes a witness's access: os.Getenv("A", "B") in main.lookup.
func Access(w output.Witness) string {
	var keys []string
	for _, k := range w.Keys {
		switch {
		case k == "*":
		case k == "?" || strings.HasPrefix(k, "$"):
			keys = append(keys, "<dynamic name>")
		default:
			keys = append(keys, strconv.Quote(k))
		}
	}
	return w.Op + "(" + strings.Join(keys, ", ") + ") in " + w.Holder
}

func inSource(f output.Finding) bool {
	for _, s := range f.Suppressions {
		if s.Kind == output.SuppressInSource {
			return true
		}
	}
	return false
}

// Apply compares the findings of r with b. A finding whose roots are all
// in b is unchanged and suppressed (it no longer counts); one with a root
// that is not is new, and keeps counting. The entries that match nothing
// go to r.Stale. name is the baseline's file name, for the suppressions'
// justification.
func Apply(b *File, name string, r *output.Report) {
	entries := map[string]*Entry{}
	for i := range b.Entries {
		entries[b.Entries[i].Fingerprint] = &b.Entries[i]
	}
	used := map[string]bool{}
	for i := range r.Findings {
		f := &r.Findings[i]
		if inSource(*f) {
			continue
		}
		var fps []*string
		var states []*string
		for j := range f.Witnesses {
			fps = append(fps, &f.Witnesses[j].Fingerprint)
			states = append(states, &f.Witnesses[j].Baseline)
		}
		if len(fps) == 0 {
			fps, states = []*string{&f.Fingerprint}, []*string{new(string)}
		}
		f.Baseline = output.BaselineUnchanged
		var comments []string
		for k, fp := range fps {
			e := entries[*fp]
			if e == nil {
				*states[k] = output.BaselineNew
				f.Baseline = output.BaselineNew
				continue
			}
			*states[k] = output.BaselineUnchanged
			used[*fp] = true
			if e.Comment != "" {
				comments = append(comments, e.Comment)
			}
		}
		if f.Baseline == output.BaselineUnchanged {
			just := "listed in the baseline " + name
			if len(comments) > 0 {
				just += ": " + strings.Join(comments, "; ")
			}
			f.Suppressions = append(f.Suppressions, output.Suppression{Kind: output.SuppressExternal, Justification: just})
		}
	}
	for _, e := range b.Entries {
		if !used[e.Fingerprint] {
			r.Stale = append(r.Stale, output.StaleEntry{Fingerprint: e.Fingerprint, Rule: e.Rule, Root: e.Root, Access: e.Access})
		}
	}
}
