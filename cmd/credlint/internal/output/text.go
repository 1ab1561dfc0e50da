package output

import (
	"bufio"
	"cmp"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/fatih/color"
	"github.com/mattn/go-isatty"
)

// Text renders a Report for people: one block per finding, the finding on
// the first line and each hop of its witness path indented below it,
// root first:
//
//	srv/handler.go:14:3: os.Setenv("API_TOKEN") reachable from ... [env-write-in-handler]
//	    srv/handler.go:9:2: handler registered here
//	    srv/handler.go:14:3: os.Setenv called here
type Text struct {
	// Color turns on ANSI colors (see ShouldColor).
	Color bool
	// Dir, if set, is the directory that file names inside it are
	// printed relative to. File names outside it stay absolute.
	Dir string
}

// Write writes the findings of r that are not suppressed to w, sorted by
// position and without duplicates. A finding with witnesses shows each
// one's path, and says which root of how many starts it when there are
// several:
//
//	providers/providers.go:47:9: os.Getenv of ... [cred-read-concurrent]
//	    main.go:137:39: HTTP handler registered here (root 1 of 2)
//	    main.go:168:12: calls providers.Status
//	    ...
//	    main.go:182:3: goroutine started here (root 2 of 2)
//
// After a baseline, a root that is not in it is marked "not in the
// baseline" when others of the same finding are.
//
// Errors are not part of this stream; see WriteErrors.
//
// A finding reached from many roots (every handler of a router calling one
// helper) shows the paths of the first TextWitnesses roots only.
func (t Text) Write(w io.Writer, r *Report) error {
	var (
		posn     = t.paint(color.Bold)
		category = t.paint(color.FgCyan)
		hopPosn  = t.paint(color.Faint)
	)
	bw := bufio.NewWriter(w)
	for _, f := range sortedFindings(r.Counted()) {
		fmt.Fprintf(bw, "%s: %s", posn.Sprint(t.position(f.Posn)), f.Message)
		if f.Category != "" {
			fmt.Fprintf(bw, " %s", category.Sprint("["+f.Category+"]"))
		}
		bw.WriteString("\n")
		if len(f.Witnesses) == 0 {
			for _, rel := range f.Related {
				fmt.Fprintf(bw, "    %s: %s\n", hopPosn.Sprint(t.position(rel.Posn)), rel.Message)
			}
			continue
		}
		partly := slices.ContainsFunc(f.Witnesses, func(w Witness) bool { return w.Baseline == BaselineUnchanged })
		for i, wit := range f.Witnesses {
			if i == TextWitnesses {
				fmt.Fprintf(bw, "    ... and %d more roots (-format=json and -format=sarif list every root)\n", len(f.Witnesses)-i)
				break
			}
			for j, fr := range wit.Frames {
				var notes []string
				if j == 0 && len(f.Witnesses) > 1 {
					notes = append(notes, fmt.Sprintf("root %d of %d", i+1, len(f.Witnesses)))
				}
				if j == 0 && partly && wit.Baseline == BaselineNew {
					notes = append(notes, NotInBaseline)
				}
				msg := fr.Message
				if len(notes) > 0 {
					msg += " (" + strings.Join(notes, ", ") + ")"
				}
				fmt.Fprintf(bw, "    %s: %s\n", hopPosn.Sprint(t.position(fr.Posn)), msg)
			}
		}
	}
	return bw.Flush()
}

// TextWitnesses is how many roots' paths the text format prints per
// finding.
const TextWitnesses = 3

// WriteErrors writes one "credlint: package: message" entry per error in
// r to w, in the order the driver recorded them. Messages may span several
// lines; their continuation lines are printed as they are.
func (t Text) WriteErrors(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, e := range r.Errors {
		fmt.Fprintf(bw, "%s: %s: %s\n", e.Analyzer, e.Package, e.Message)
	}
	return bw.Flush()
}

// paint returns a color that is on or off according to t.Color,
// whatever the process-wide color.NoColor says.
func (t Text) paint(attrs ...color.Attribute) *color.Color {
	c := color.New(attrs...)
	if t.Color {
		c.EnableColor()
	} else {
		c.DisableColor()
	}
	return c
}

// position formats p as file:line:col, relative to t.Dir when inside it.
func (t Text) position(p token.Position) string {
	p.Filename = RelPath(t.Dir, p.Filename)
	return p.String()
}

// RelPath returns name relative to dir when name is an absolute path
// inside dir, and name unchanged otherwise (and when dir is empty).
func RelPath(dir, name string) string {
	if dir == "" || !filepath.IsAbs(name) {
		return name
	}
	rel, err := filepath.Rel(dir, name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return name
	}
	return rel
}

// sortedFindings returns the findings ordered by file, line, column,
// category and message, dropping repeats of the same range, message and
// analyzer (the same file can belong to more than one analysed package).
func sortedFindings(fs []Finding) []Finding {
	out := slices.Clone(fs)
	slices.SortStableFunc(out, compareFindings)
	return slices.CompactFunc(out, func(a, b Finding) bool { return compareFindings(a, b) == 0 })
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Posn.Filename, b.Posn.Filename),
		cmp.Compare(a.Posn.Line, b.Posn.Line),
		cmp.Compare(a.Posn.Column, b.Posn.Column),
		cmp.Compare(a.Category, b.Category),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.End.Filename, b.End.Filename),
		cmp.Compare(a.End.Offset, b.End.Offset),
		cmp.Compare(a.Analyzer, b.Analyzer),
	)
}

// ShouldColor reports whether text written to f should be colored. It
// applies the rule that github.com/fatih/color applies to stdout when the
// program starts (color.NoColor): no color when NO_COLOR is set to a
// non-empty value or TERM is "dumb", and color only on a terminal. Unlike
// color.NoColor it is evaluated when called, and for any file.
func ShouldColor(f *os.File) bool {
	if f == nil || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}
