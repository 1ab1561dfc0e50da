package output

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// GitHub renders a Report as GitHub Actions workflow commands, which
// GitHub shows as annotations on the pull request's diff:
//
//	::error file=main.go,line=93,endLine=93,col=3,endColumn=30,title=credlint env-write-concurrent::os.Setenv(...) ...
//
// GitHub shows at most 10 annotations of each level per step. So with
// Changed (from -changed-from), the findings that touch a changed file (at
// the finding or anywhere on a witness path inside the repository) are
// annotated first, and the others are counted in one notice and listed as
// plain log lines. Without Changed every finding is annotated.
type GitHub struct {
	// SrcRoot is the repository root; annotation paths are relative to it.
	SrcRoot string
	// Changed holds the slash-separated paths, relative to SrcRoot, of the
	// files changed since ChangedFrom; nil when not asked.
	Changed     map[string]bool
	ChangedFrom string
	// Levels maps rule IDs to annotation levels (error, warning, notice);
	// rules not listed are warnings.
	Levels map[string]string
}

// Write writes the findings of r that are not suppressed to w.
func (g GitHub) Write(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	var rest []Finding
	for _, f := range sortedFindings(r.Counted()) {
		if g.Changed != nil && !g.touchesChange(f) {
			rest = append(rest, f)
			continue
		}
		g.annotate(bw, f)
	}
	if len(rest) > 0 {
		fmt.Fprintf(bw, "::notice title=credlint::%s\n", escapeData(fmt.Sprintf(
			"%d more findings in files not changed since %s; they are listed below (and in the SARIF upload)", len(rest), g.ChangedFrom)))
		for _, f := range rest {
			fmt.Fprintf(bw, "%s:%d:%d: %s [%s]\n", g.path(f.Posn.Filename), f.Posn.Line, f.Posn.Column, f.Message, f.Category)
		}
	}
	return bw.Flush()
}

func (g GitHub) annotate(w io.Writer, f Finding) {
	level := g.Levels[f.Category]
	if level == "" {
		level = "warning"
	}
	if news := f.NewRoots(); len(news) > 0 {
		// A new root reaching an access the baseline lists under its old
		// roots: the new part is the root, in the code that changed.
		fr := news[0].Frames[0]
		f.Posn, f.End = fr.Posn, fr.End
		f.Message = NotInBaseline + ": " + news[0].Root.String() + " now reaches a finding the baseline lists for its other roots: " + f.Message
		f.Witnesses = append(news, oldRoots(f.Witnesses)...)
	}
	props := []string{"file=" + escapeProperty(g.path(f.Posn.Filename)), fmt.Sprintf("line=%d", f.Posn.Line)}
	sameFile := f.End.Filename == f.Posn.Filename
	if sameFile && f.End.Line >= f.Posn.Line {
		props = append(props, fmt.Sprintf("endLine=%d", f.End.Line))
	}
	if sameFile && f.Posn.Column > 0 && f.End.Line == f.Posn.Line && f.End.Column > f.Posn.Column {
		props = append(props, fmt.Sprintf("col=%d", f.Posn.Column), fmt.Sprintf("endColumn=%d", f.End.Column))
	}
	props = append(props, "title="+escapeProperty("credlint "+f.Category))
	fmt.Fprintf(w, "::%s %s::%s\n", level, strings.Join(props, ","), escapeData(g.body(f)))
}

// body is the annotation's text: the message, then the first witness hop
// by hop, then the other roots by name.
func (g GitHub) body(f Finding) string {
	var b strings.Builder
	b.WriteString(f.Message)
	if len(f.Witnesses) == 0 {
		return b.String()
	}
	b.WriteString("\n\nPath from " + f.Witnesses[0].Root.String() + ":")
	for _, fr := range f.Witnesses[0].Frames {
		fmt.Fprintf(&b, "\n  %s:%d: %s", g.path(fr.Posn.Filename), fr.Posn.Line, fr.Message)
	}
	if len(f.Witnesses) > 1 {
		b.WriteString("\n\nAlso reached from:")
		for _, w := range f.Witnesses[1:] {
			fmt.Fprintf(&b, "\n  %s (%s:%d)", w.Root.String(), g.path(w.Frames[0].Posn.Filename), w.Frames[0].Posn.Line)
		}
	}
	return b.String()
}

// oldRoots returns the witnesses the baseline lists.
func oldRoots(ws []Witness) []Witness {
	var out []Witness
	for _, w := range ws {
		if w.Baseline != BaselineNew {
			out = append(out, w)
		}
	}
	return out
}

// touchesChange reports whether f or one of its witness paths is in a
// changed file: a new call in a handler makes an old access a new finding.
// Of a finding the baseline lists under other roots, only the new roots
// count.
func (g GitHub) touchesChange(f Finding) bool {
	ws := f.NewRoots()
	if ws == nil {
		if g.Changed[g.path(f.Posn.Filename)] {
			return true
		}
		ws = f.Witnesses
	}
	for _, w := range ws {
		for _, fr := range w.Frames {
			if g.Changed[g.path(fr.Posn.Filename)] {
				return true
			}
		}
	}
	return false
}

func (g GitHub) path(name string) string {
	return filepath.ToSlash(RelPath(g.SrcRoot, name))
}

// escapeData and escapeProperty escape a workflow command's message and
// property values as the Actions toolkit does (@actions/core).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
