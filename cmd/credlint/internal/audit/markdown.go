package audit

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Markdown renders an Inventory as a Markdown document, for a pull request
// comment or a report: the summary, a table of the variables, and a
// section per variable that concurrent roots reach, with their witnesses.
// File names are relative to SrcRoot.
type Markdown struct {
	SrcRoot string
}

// Write writes inv to w.
func (m Markdown) Write(w io.Writer, inv *Inventory) error {
	bw := bufio.NewWriter(w)
	sum := strings.TrimPrefix(summary(inv), "credlint audit: ")
	if rest, ok := strings.CutPrefix(sum, "incomplete, "); ok {
		sum = "**Incomplete**, " + strings.Replace(rest, "(see the errors)", "(see Not analysed)", 1)
	}
	fmt.Fprintf(bw, "# credlint audit\n\n%s.\n", sum)
	if len(inv.Keys) > 0 {
		fmt.Fprintf(bw, "\n| Variable | Class | Access | Named | Roots | Accessed in |\n| --- | --- | --- | --- | ---: | --- |\n")
		for _, k := range inv.Keys {
			var acc []string
			for _, a := range accessorNames(k) {
				fn, origin, _ := strings.Cut(a, " (")
				acc = append(acc, code(fn)+" ("+origin)
			}
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %d | %s |\n", code(k.Name), k.Class, strings.Join(k.Ops, ", "),
				strings.Join(k.Named, ", "), len(k.Roots), strings.Join(acc, ", "))
		}
	}
	if len(inv.EntryPoints) > 0 {
		fmt.Fprintf(bw, "\n## SDK entry points\n\nThe functions of other modules that read credentials: explicit when an adapter passes them from the context.\n\n| Entry point | Takes credentials | Reads | Called at |\n| --- | --- | --- | --- |\n")
		for _, e := range inv.EntryPoints {
			fmt.Fprintf(bw, "| %s | %s | %s | %s |\n", code(e.Function), e.Mark(), shownKeys(e.Keys, code),
				code(m.at(e.Frame.Posn.Filename, e.Frame.Posn.Line)))
		}
	}
	if reached(inv) > 0 {
		fmt.Fprintf(bw, "\n## Concurrent roots\n\nEach root that reaches a variable, with one witness: the root, each call, the access.\n")
	}
	for _, k := range inv.Keys {
		if len(k.Roots) == 0 {
			continue
		}
		fmt.Fprintf(bw, "\n### %s\n\n", code(k.Name))
		for _, r := range k.Roots {
			var hops []string
			for _, f := range r.Frames {
				hops = append(hops, code(m.at(f.Posn.Filename, f.Posn.Line))+" "+escape(f.Message))
			}
			fmt.Fprintf(bw, "- %s %s in %s: %s\n", r.Root.Kind, code(r.Root.Name), code(r.Root.Package), strings.Join(hops, " → "))
		}
	}
	if len(inv.Errors) > 0 {
		fmt.Fprintf(bw, "\n## Not analysed\n\n")
		for _, e := range inv.Errors {
			first, _, _ := strings.Cut(e.Message, "\n")
			fmt.Fprintf(bw, "- %s: %s\n", code(e.Package), escape(first))
		}
	}
	return bw.Flush()
}

func (m Markdown) at(file string, line int) string {
	rel := file
	if m.SrcRoot != "" {
		if r, err := filepath.Rel(m.SrcRoot, file); err == nil && !strings.HasPrefix(r, "..") {
			rel = r
		}
	}
	return fmt.Sprintf("%s:%d", filepath.ToSlash(rel), line)
}

// code renders s as inline code, safe inside a table cell.
func code(s string) string {
	return "`" + strings.ReplaceAll(strings.ReplaceAll(s, "`", "'"), "|", "\\|") + "`"
}

// escape makes text safe inside a table cell and outside code.
func escape(s string) string {
	return strings.NewReplacer("|", "\\|", "*", "\\*", "_", "\\_", "<", "&lt;", ">", "&gt;").Replace(s)
}
