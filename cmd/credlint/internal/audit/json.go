package audit

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// JSON renders an Inventory for scripts. File names are relative to
// SrcRoot when inside it. The layout is versioned (JSONVersion); fields
// are only added within a version:
//
//	{"version": 1, "keys": [{"name": "API_KEY", "class": "credential",
//	  "ops": ["read"], "named": ["parameter"],
//	  "accessors": [{"function": "lib.lookup", "op": "os.Getenv", "origin": "user",
//	                 "file": "lib/lib.go", "line": 9, "column": 42}],
//	  "roots": [{"kind": "goroutine", "name": "worker", "package": "example.com/app",
//	             "path": [{"file": "app/app.go", "line": 14, "column": 2, "message": "goroutine started here"}, ...]}]}],
//	 "entryPoints": [{"function": "openai.NewClient", "takes": "explicit: openaienv.With",
//	                  "explicit": "openaienv.With", "keys": ["OPENAI_API_KEY"], "file": "main.go", "line": 20, "column": 12}],
//	 "concurrentCredentialReads": {"fixable": 3, "manual": 1},
//	 "errors": [{"package": "...", "message": "..."}]}
type JSON struct {
	SrcRoot string
}

// JSONVersion is the version of the audit's JSON layout.
const JSONVersion = 1

type jsonInventory struct {
	Version     int              `json:"version"`
	Keys        []jsonKey        `json:"keys"`
	EntryPoints []jsonEntryPoint `json:"entryPoints"`
	Reads       jsonReads        `json:"concurrentCredentialReads"`
	Errors      []jsonError      `json:"errors"`
}

type jsonEntryPoint struct {
	Function string   `json:"function"`
	Takes    string   `json:"takes"`              // "explicit: openaienv.With" or "env only"
	Explicit string   `json:"explicit,omitempty"` // the adapter call
	Keys     []string `json:"keys"`
	jsonPlace
}

type jsonReads struct {
	Fixable int `json:"fixable"`
	Manual  int `json:"manual"`
}

type jsonKey struct {
	Name      string         `json:"name"`
	Class     string         `json:"class"`
	Ops       []string       `json:"ops"`
	Named     []string       `json:"named,omitempty"`
	Accessors []jsonAccessor `json:"accessors"`
	Roots     []jsonRoot     `json:"roots"`
}

type jsonAccessor struct {
	Function string        `json:"function"`
	Op       string        `json:"op"`
	Origin   output.Origin `json:"origin"`
	RunOnce  bool          `json:"runOnce,omitempty"`
	jsonPlace
}

type jsonPlace struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column,omitempty"`
}

type jsonRoot struct {
	Kind    string      `json:"kind"`
	Name    string      `json:"name"`
	Package string      `json:"package"`
	Path    []jsonFrame `json:"path"`
}

type jsonFrame struct {
	jsonPlace
	Message  string        `json:"message"`
	Function string        `json:"function,omitempty"`
	Origin   output.Origin `json:"origin,omitempty"`
}

type jsonError struct {
	Package string `json:"package"`
	Message string `json:"message"`
}

// Write writes inv to w as indented JSON.
func (j JSON) Write(w io.Writer, inv *Inventory) error {
	out := jsonInventory{Version: JSONVersion, Keys: []jsonKey{}, EntryPoints: []jsonEntryPoint{}, Errors: []jsonError{},
		Reads: jsonReads{Fixable: inv.Fixable, Manual: inv.Manual}}
	for _, e := range inv.EntryPoints {
		out.EntryPoints = append(out.EntryPoints, jsonEntryPoint{e.Function, e.Mark(), e.Explicit, e.Keys, j.place(e.Frame)})
	}
	for _, k := range inv.Keys {
		jk := jsonKey{Name: k.Name, Class: k.Class, Ops: k.Ops, Named: k.Named, Accessors: []jsonAccessor{}, Roots: []jsonRoot{}}
		for _, a := range k.Accessors {
			jk.Accessors = append(jk.Accessors, jsonAccessor{a.Function, a.Op, a.Origin, a.RunOnce, j.place(a.Frame)})
		}
		for _, r := range k.Roots {
			jr := jsonRoot{Kind: r.Root.Kind, Name: r.Root.Name, Package: r.Root.Package}
			for _, f := range r.Frames {
				jr.Path = append(jr.Path, jsonFrame{j.place(f), f.Message, f.Function, f.Origin})
			}
			jk.Roots = append(jk.Roots, jr)
		}
		out.Keys = append(out.Keys, jk)
	}
	for _, e := range inv.Errors {
		out.Errors = append(out.Errors, jsonError{e.Package, e.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // messages say <dynamic name>
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("audit: encoding JSON: %w", err)
	}
	return nil
}

func (j JSON) place(f output.Frame) jsonPlace {
	return jsonPlace{File: filepath.ToSlash(output.RelPath(j.SrcRoot, f.Posn.Filename)), Line: f.Posn.Line, Column: f.Posn.Column}
}
