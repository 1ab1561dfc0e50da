package audit

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// Text renders an Inventory for a terminal: a summary line, a table with
// one row per variable, and the witness of every root that reaches a
// variable.
type Text struct {
	Color bool   // ANSI colors (see output.ShouldColor)
	Dir   string // file names inside it are printed relative to it
}

// Write writes inv to w, and last the packages it leaves out.
func (t Text) Write(w io.Writer, inv *Inventory) error {
	bw := bufio.NewWriter(w)
	t.write(bw, inv)
	notAnalysed(bw, inv, t.paint(color.Bold).Sprint)
	return bw.Flush()
}

func (t Text) write(bw *bufio.Writer, inv *Inventory) {
	bold, red, faint := t.paint(color.Bold), t.paint(color.FgRed), t.paint(color.Faint)
	fmt.Fprintln(bw, bold.Sprint(summary(inv)))
	if len(inv.Keys) == 0 {
		return
	}
	rows := [][]string{{"VARIABLE", "CLASS", "ACCESS", "NAMED", "ROOTS", "ACCESSED IN"}}
	for _, k := range inv.Keys {
		rows = append(rows, []string{k.Name, k.Class, strings.Join(k.Ops, ", "), strings.Join(k.Named, ", "),
			fmt.Sprint(len(k.Roots)), strings.Join(accessorNames(k), ", ")})
	}
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	fmt.Fprintln(bw)
	for r, row := range rows {
		for i, cell := range row {
			pad := ""
			if i < len(row)-1 {
				pad = strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell)+2)
			}
			switch {
			case r == 0:
				cell = bold.Sprint(cell)
			case i == 1 && cell == ClassCredential:
				cell = red.Sprint(cell)
			}
			bw.WriteString(cell + pad)
		}
		bw.WriteString("\n")
	}
	t.writeEntryPoints(bw, inv)
	if reached(inv) == 0 {
		return
	}
	fmt.Fprintf(bw, "\n%s\n", bold.Sprint("Concurrent roots that reach them, one witness each:"))
	for _, k := range inv.Keys {
		if len(k.Roots) == 0 {
			continue
		}
		name := k.Name
		if k.Class == ClassCredential {
			name = red.Sprint(name)
		}
		fmt.Fprintf(bw, "\n%s\n", name)
		for _, r := range k.Roots {
			fmt.Fprintf(bw, "  %s in %s\n", r.Root, r.Root.Package)
			for _, f := range r.Frames {
				fmt.Fprintf(bw, "    %s: %s\n", faint.Sprint(position(t.Dir, f)), f.Message)
			}
		}
	}
}

func (t Text) paint(attrs ...color.Attribute) *color.Color {
	c := color.New(attrs...)
	if t.Color {
		c.EnableColor()
	} else {
		c.DisableColor()
	}
	return c
}

// summary is the first line of every format.
func summary(inv *Inventory) string {
	vars := 0
	for _, k := range inv.Keys {
		if k.Name != Dynamic && k.Name != All {
			vars++
		}
	}
	s := fmt.Sprintf("%d environment variables, %d of them credentials; %d entries reached from concurrent roots; "+
		"%s on concurrent paths: %d can be fixed automatically, %d need manual work",
		vars, inv.Credentials(), reached(inv), plural(inv.Fixable+inv.Manual, "credential read"), inv.Fixable, inv.Manual)
	if n := len(inv.Errors); n > 0 {
		// The counts are of what could be analysed: say so first, so that
		// the line never reads as the whole program's.
		s = fmt.Sprintf("incomplete, %s not analysed (see the errors); in the rest: %s", packages(n), s)
	}
	return "credlint audit: " + s
}

// packages renders n packages: "1 package", "2 packages".
func packages(n int) string { return plural(n, "package") }

func plain(s string) string { return s }

// plural renders n things: "1 package", "2 packages".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// notAnalysed lists the packages that could not be analysed, each with
// the first line of its error, and what to do.
func notAnalysed(w io.Writer, inv *Inventory, bold func(...any) string) {
	if len(inv.Errors) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", bold("Not analysed (the errors are on stderr):"))
	for _, e := range inv.Errors {
		first, _, _ := strings.Cut(e.Message, "\n")
		fmt.Fprintf(w, "  %s: %s\n", e.Package, strings.TrimSuffix(first, ":"))
	}
	fmt.Fprintf(w, "Fix those errors, then run credlint audit again: the inventory above leaves those packages out.\n")
}

func reached(inv *Inventory) int {
	n := 0
	for _, k := range inv.Keys {
		if len(k.Roots) > 0 {
			n++
		}
	}
	return n
}

// accessorNames lists the functions that access a key, once each, with
// whose code they are: "providers.lookup (user)", "app.load (user, run
// once)".
func accessorNames(k Key) []string {
	var out []string
	for _, a := range k.Accessors {
		s := a.Function + " (" + string(a.Origin) + ")"
		if a.RunOnce {
			s = a.Function + " (" + string(a.Origin) + ", run once)"
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// position renders a frame's file:line:col, relative to dir when inside it.
func position(dir string, f output.Frame) string {
	p := f.Posn
	p.Filename = output.RelPath(dir, p.Filename)
	return p.String()
}

// writeEntryPoints lists the SDK entry points that read credentials, each
// marked "explicit: <adapter option>" or "env only".
func (t Text) writeEntryPoints(bw *bufio.Writer, inv *Inventory) {
	if len(inv.EntryPoints) == 0 {
		return
	}
	bold, faint := t.paint(color.Bold), t.paint(color.Faint)
	fmt.Fprintf(bw, "\n%s\n", bold.Sprint("SDK entry points that read credentials:"))
	width, mark, keys := 0, 0, 0
	for _, e := range inv.EntryPoints {
		width, mark = max(width, utf8.RuneCountInString(e.Function)), max(mark, utf8.RuneCountInString(e.Mark()))
		keys = max(keys, utf8.RuneCountInString(shownKeys(e.Keys, plain)))
	}
	for _, e := range inv.EntryPoints {
		fmt.Fprintf(bw, "  %-*s  %-*s  %-*s  %s\n", width, e.Function, mark, e.Mark(), keys, shownKeys(e.Keys, plain),
			faint.Sprint(position(t.Dir, e.Frame)))
	}
}
