package main

import (
	"fmt"
	"go/token"
	"os"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// This file says what the fixes leave when credlint cannot analyse the
// fixed code: with -diff, which applies nothing, and with -fix in a module
// that does not require the shim yet, whose fixed code does not build.
// The findings that remain are then those of before that have no fix; a
// gate that runs either must still fail on them (issue 16).

// unfixed returns the counted findings of res that have no fix, less
// those of -exclude-pkgs.
func unfixed(res *runResult, o *options) []output.Finding {
	var left []output.Finding
	for _, f := range dropFindingsIn(res.report.Counted(), o.excludes) {
		if len(f.Fixes) == 0 {
			left = append(left, f)
		}
	}
	return left
}

// reportLeft prints the findings the fixes leave to w (stdout after -fix,
// stderr after -diff, whose stdout is the patch), after a line that says
// why they remain, and returns the exit code they call for.
func reportLeft(w, stderr *os.File, left []output.Finding, res *runResult, o *options, why string) int {
	if len(left) == 0 {
		return exitOK
	}
	fmt.Fprintf(stderr, "%s: %s %s:\n", progname, findingsCount(len(left)), why)
	cwd, _ := os.Getwd()
	if err := writeFindings(w, stderr, &output.Report{Findings: left}, res, o, cwd); err != nil {
		fmt.Fprintf(stderr, "%s: writing output: %v\n", progname, err)
		return exitError
	}
	if o.exitZero {
		return exitOK
	}
	return exitFindings
}

// findingsCount renders n findings: "1 finding", "2 findings".
func findingsCount(n int) string {
	if n == 1 {
		return "1 finding"
	}
	return fmt.Sprintf("%d findings", n)
}

// fileSnapshot holds the contents of the files that findings name, read
// before go vet -fix rewrites them, so that their positions can be moved
// to the fixed files (moved).
type fileSnapshot map[string]string

// snapshotFiles reads every file the findings' positions name. A file
// that cannot be read is left out: its positions stay as they were.
func snapshotFiles(findings []output.Finding) fileSnapshot {
	snap := fileSnapshot{}
	eachPosn(findings, func(p *token.Position) {
		if _, seen := snap[p.Filename]; seen || p.Filename == "" {
			return
		}
		if b, err := os.ReadFile(p.Filename); err == nil {
			snap[p.Filename] = string(b)
		}
	})
	return snap
}

// moved returns the findings with their positions moved to where the
// lines they point at are in the files as they are now: after go vet
// -fix added an import or threaded a context, a line further down is
// further down.
func (snap fileSnapshot) moved(findings []output.Finding) []output.Finding {
	type fileMap struct {
		lines  []int // new line of each old line
		starts []int // offset of each new line
	}
	maps := map[string]*fileMap{}
	for name, old := range snap {
		b, err := os.ReadFile(name)
		if err != nil || string(b) == old {
			continue
		}
		if lines := lineMap(old, string(b)); lines != nil {
			maps[name] = &fileMap{lines: lines, starts: lineStarts(string(b))}
		}
	}
	out := make([]output.Finding, len(findings))
	copy(out, findings)
	cloneFrames(out)
	eachPosn(out, func(p *token.Position) {
		m := maps[p.Filename]
		if m == nil || p.Line < 1 || p.Line > len(m.lines) {
			return
		}
		p.Line = m.lines[p.Line-1]
		if p.Line <= len(m.starts) {
			p.Offset = m.starts[p.Line-1] + max(p.Column-1, 0)
		}
	})
	return out
}

// cloneFrames gives each finding its own copies of the slices whose
// positions moved rewrites.
func cloneFrames(fs []output.Finding) {
	for i := range fs {
		f := &fs[i]
		f.Related = append([]output.Related(nil), f.Related...)
		f.Witnesses = append([]output.Witness(nil), f.Witnesses...)
		for j := range f.Witnesses {
			f.Witnesses[j].Frames = append([]output.Frame(nil), f.Witnesses[j].Frames...)
		}
	}
}

// eachPosn calls fn on every position of the findings.
func eachPosn(fs []output.Finding, fn func(*token.Position)) {
	for i := range fs {
		f := &fs[i]
		fn(&f.Posn)
		fn(&f.End)
		for j := range f.Related {
			fn(&f.Related[j].Posn)
			fn(&f.Related[j].End)
		}
		for j := range f.Witnesses {
			for k := range f.Witnesses[j].Frames {
				fr := &f.Witnesses[j].Frames[k]
				fn(&fr.Posn)
				fn(&fr.End)
			}
		}
	}
}

// lineStarts returns the byte offset at which each line of s starts.
func lineStarts(s string) []int {
	starts := []int{0}
	for i := range len(s) {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}
