package output

import (
	"encoding/json"
	"fmt"
	"io"
)

// This file reimplements the JSON tree that go vet's drivers print
// (driverutil.JSONTree in golang.org/x/tools, which is internal), so that
// a script written for `go vet -json` reads `credlint -json` unchanged:
//
//	{
//		"example.com/m": {
//			"credlint": [
//				{"posn": "/abs/m/m.go:5:3", "end": "...", "message": "...",
//				 "category": "...", "related": [...], "suggested_fixes": [...]}
//			]
//		},
//		"example.com/bad": {
//			"credlint": {"error": "..."}
//		}
//	}
//
// The field names, their order, omitempty and the indentation are those of
// x/tools v0.52.0; json_test.go compares the two byte for byte.

// jsonTree maps package ID to analyzer name to either a jsonError or a
// []jsonDiagnostic.
type jsonTree map[string]map[string]any

type jsonError struct {
	Err string `json:"error"`
}

type jsonTextEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonSuggestedFix struct {
	Message string         `json:"message"`
	Edits   []jsonTextEdit `json:"edits"`
}

type jsonDiagnostic struct {
	Category       string                   `json:"category,omitempty"`
	Posn           string                   `json:"posn"` // e.g. "file.go:line:column"
	End            string                   `json:"end"`  // (ditto)
	Message        string                   `json:"message"`
	SuggestedFixes []jsonSuggestedFix       `json:"suggested_fixes,omitempty"`
	Related        []jsonRelatedInformation `json:"related,omitempty"`
}

type jsonRelatedInformation struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

// WriteJSON writes r to w as go vet's JSON tree. Positions are printed as
// they were resolved (absolute file names, as go vet prints them). When a
// package has both an error and findings for one analyzer, the error wins,
// as in go vet, where an analyzer that fails reports no diagnostics.
func WriteJSON(w io.Writer, r *Report) error {
	tree := make(jsonTree)
	entry := func(pkg string) map[string]any {
		m, ok := tree[pkg]
		if !ok {
			m = make(map[string]any)
			tree[pkg] = m
		}
		return m
	}
	for _, f := range r.Findings {
		m := entry(f.Package)
		list, _ := m[f.Analyzer].([]jsonDiagnostic)
		m[f.Analyzer] = append(list, toJSON(f))
	}
	for _, e := range r.Errors {
		entry(e.Package)[e.Analyzer] = jsonError{e.Message}
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return fmt.Errorf("output: encoding JSON: %w", err)
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

func toJSON(f Finding) jsonDiagnostic {
	d := jsonDiagnostic{
		Category: f.Category,
		Posn:     f.Posn.String(),
		End:      f.End.String(),
		Message:  f.Message,
	}
	for _, fix := range f.Fixes {
		var edits []jsonTextEdit
		for _, e := range fix.Edits {
			edits = append(edits, jsonTextEdit(e))
		}
		d.SuggestedFixes = append(d.SuggestedFixes, jsonSuggestedFix{Message: fix.Message, Edits: edits})
	}
	for _, rel := range f.Related {
		d.Related = append(d.Related, jsonRelatedInformation{
			Posn:    rel.Posn.String(),
			End:     rel.End.String(),
			Message: rel.Message,
		})
	}
	return d
}
