package output

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"path/filepath"
)

// Model renders a Report as JSON for scripts (-format=json): the findings
// of the whole program with their witnesses and fingerprints, the errors,
// and the stale baseline entries. File names are relative to SrcRoot when
// inside it, absolute otherwise. The format is versioned; fields are only
// ever added within a version:
//
//	{
//	  "version": 1,
//	  "findings": [{
//	    "rule": "cred-read-concurrent", "tier": "race", "message": "...", "fingerprint": "...",
//	    "location": {"file": "main.go", "line": 9, "column": 2, "end_line": 9, "end_column": 20},
//	    "roots": [{"kind": "HTTP handler", "name": "handle", "package": "example.com/m",
//	               "keys": ["API_KEY"], "holder": "main.lookup", "op": "os.Getenv",
//	               "fingerprint": "...", "path": [{"file": ..., "message": ..., "origin": "user"}, ...]}],
//	    "fixes": [...], "suppressions": [...], "baseline": "new"
//	  }],
//	  "errors": [{"package": "example.com/bad", "message": "..."}],
//	  "stale_baseline": [{"fingerprint": "...", "rule": "...", "root": "...", "access": "..."}]
//	}
type Model struct {
	SrcRoot string
	// Tiers maps rule IDs to their tier ("race", "request read", ...;
	// docs/rules.md "Tiers"); a rule it does not list has no "tier" field.
	Tiers map[string]string
}

// ModelVersion is the version of the -format=json layout.
const ModelVersion = 1

type modelReport struct {
	Version  int            `json:"version"`
	Findings []modelFinding `json:"findings"`
	Errors   []modelError   `json:"errors"`
	Stale    []modelStale   `json:"stale_baseline,omitempty"`
}

type modelFinding struct {
	Rule         string             `json:"rule"`
	Tier         string             `json:"tier,omitempty"`
	Message      string             `json:"message"`
	Fingerprint  string             `json:"fingerprint,omitempty"`
	Package      string             `json:"package"`
	Location     modelLocation      `json:"location"`
	Roots        []modelRoot        `json:"roots"`
	Fixes        []modelFix         `json:"fixes,omitempty"`
	Suppressions []modelSuppression `json:"suppressions,omitempty"`
	Baseline     string             `json:"baseline,omitempty"`
}

type modelLocation struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column,omitempty"`
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
}

type modelRoot struct {
	Kind        string       `json:"kind"`
	Name        string       `json:"name"`
	Package     string       `json:"package"`
	Keys        []string     `json:"keys,omitempty"`
	Holder      string       `json:"holder,omitempty"`
	Op          string       `json:"op,omitempty"`
	Fingerprint string       `json:"fingerprint,omitempty"`
	Baseline    string       `json:"baseline,omitempty"`
	Path        []modelFrame `json:"path"`
}

type modelFrame struct {
	modelLocation
	Message  string `json:"message"`
	Function string `json:"function,omitempty"`
	Origin   Origin `json:"origin,omitempty"`
	Elided   int    `json:"elided,omitempty"` // calls left out here (Frame.Elided)
}

type modelFix struct {
	Message string      `json:"message"`
	Edits   []modelEdit `json:"edits"`
}

type modelEdit struct {
	File  string `json:"file"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	New   string `json:"new"`
}

type modelSuppression struct {
	Kind          string         `json:"kind"`
	Justification string         `json:"justification,omitempty"`
	Location      *modelLocation `json:"location,omitempty"`
}

type modelError struct {
	Package string `json:"package"`
	Message string `json:"message"`
}

type modelStale struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Root        string `json:"root"`
	Access      string `json:"access"`
}

// Write writes r to w as indented JSON.
func (m Model) Write(w io.Writer, r *Report) error {
	out := modelReport{Version: ModelVersion, Findings: []modelFinding{}, Errors: []modelError{}}
	for _, f := range sortedFindings(r.Findings) {
		out.Findings = append(out.Findings, m.finding(f))
	}
	for _, e := range r.Errors {
		out.Errors = append(out.Errors, modelError{Package: e.Package, Message: e.Message})
	}
	for _, s := range r.Stale {
		out.Stale = append(out.Stale, modelStale(s))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // messages say <dynamic name>
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("output: encoding JSON: %w", err)
	}
	return nil
}

func (m Model) finding(f Finding) modelFinding {
	mf := modelFinding{
		Rule: f.Category, Tier: m.Tiers[f.Category], Message: f.Message, Fingerprint: f.Fingerprint, Package: f.Package,
		Location: m.location(f.Posn, f.End), Roots: []modelRoot{}, Baseline: f.Baseline,
	}
	for _, w := range f.Witnesses {
		mr := modelRoot{Kind: w.Root.Kind, Name: w.Root.Name, Package: w.Root.Package, Keys: w.Keys,
			Holder: w.Holder, Op: w.Op, Fingerprint: w.Fingerprint, Baseline: w.Baseline}
		for _, fr := range w.Frames {
			mr.Path = append(mr.Path, modelFrame{m.location(fr.Posn, fr.End), fr.Message, fr.Function, fr.Origin, fr.Elided})
		}
		mf.Roots = append(mf.Roots, mr)
	}
	for _, fix := range f.Fixes {
		mfix := modelFix{Message: fix.Message}
		for _, e := range fix.Edits {
			mfix.Edits = append(mfix.Edits, modelEdit{m.path(e.Filename), e.Start, e.End, e.New})
		}
		mf.Fixes = append(mf.Fixes, mfix)
	}
	for _, s := range f.Suppressions {
		ms := modelSuppression{Kind: s.Kind, Justification: s.Justification}
		if s.Posn.IsValid() {
			loc := m.location(s.Posn, s.Posn)
			ms.Location = &loc
		}
		mf.Suppressions = append(mf.Suppressions, ms)
	}
	return mf
}

func (m Model) location(posn, end token.Position) modelLocation {
	l := modelLocation{File: m.path(posn.Filename), Line: posn.Line, Column: posn.Column}
	if end.Filename == posn.Filename && end.Line > 0 && end.Column > 0 {
		l.EndLine, l.EndColumn = end.Line, end.Column
	}
	return l
}

func (m Model) path(name string) string {
	return filepath.ToSlash(RelPath(m.SrcRoot, name))
}
