// Package audit is the model and the formats of credlint audit: an
// inventory of every environment variable the analysed program reads or
// writes, with its class (credential or not), how its name is known, the
// functions that access it (the program's own code, third-party modules,
// the standard library), and the concurrent roots that reach it, with one
// witness each. One file per format: text.go (a colored table), markdown.go
// and json.go.
package audit

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// An Inventory is what credlint audit prints.
type Inventory struct {
	Keys []Key
	// EntryPoints are the functions of other modules (SDKs) that the
	// program calls and that read a credential from the environment,
	// sorted by name.
	EntryPoints []EntryPoint
	// Fixable and Manual count the credential reads on concurrent paths
	// (by variable and the call in the program's code that makes or leads
	// to it): a read with a profileenv twin, or one through an SDK entry
	// point with an adapter, can be fixed automatically (where a context is
	// at hand); the others need manual work. Reads that the call passes
	// explicitly already are not counted.
	Fixable, Manual int
	Errors          []output.Error
}

// An EntryPoint is an SDK function that reads credentials.
type EntryPoint struct {
	Function string // e.g. "openai.NewClient"
	// Explicit is the adapter call that passes the credentials explicitly
	// ("openaienv.With"), or "" when the SDK reads them only from the
	// environment as far as credlint knows (no row in its table).
	Explicit string
	Keys     []string     // the credentials read through it, sorted
	Frame    output.Frame // a call of it in the program
}

// Mark says how an entry point takes its credentials: "explicit:
// openaienv.With" or "env only".
func (e EntryPoint) Mark() string {
	if e.Explicit == "" {
		return "env only"
	}
	return "explicit: " + e.Explicit
}

// Names of the entries that stand for many variables.
const (
	Dynamic = "(dynamic name)"      // names computed at run time
	All     = "(whole environment)" // os.Environ, os.Clearenv, a child process that inherits
)

// Classes of a key.
const (
	ClassCredential = "credential"
	ClassOther      = "other"
	ClassUnknown    = "unknown" // a dynamic name
	ClassAll        = "all"     // the whole environment, credentials included
)

// How a key's name is known.
const (
	NamedConstant  = "constant"  // a constant at the access
	NamedParameter = "parameter" // a parameter of the function making the access, constant at a call site
	NamedDynamic   = "dynamic"
)

// A Key is one environment variable, or one of the Dynamic and All
// entries, with everything that touches it.
type Key struct {
	Name      string
	Class     string
	Ops       []string // "read", "write", "inherit", "t.Setenv", sorted
	Named     []string // NamedConstant, NamedParameter, NamedDynamic, sorted
	Accessors []Accessor
	Roots     []Reach // empty when no concurrent root reaches it
}

// An Accessor is a function that makes an access: it calls the accessing
// function (Op) itself.
type Accessor struct {
	Function string // e.g. "providers.lookup", "os.UserHomeDir"
	Op       string // e.g. "os.Getenv"
	Origin   output.Origin
	Frame    output.Frame // the call of Op
	// RunOnce: a read reached through a run-once call (sync.Once.Do,
	// sync.OnceFunc, sync.OnceValue(s)) on some path; findings leave such
	// reads out, the inventory lists them marked.
	RunOnce bool
}

// A Reach is a concurrent root that reaches a key, with one witness.
type Reach struct {
	Root   output.Root
	Frames []output.Frame
}

// Sort orders the inventory: credentials first, then other variables by
// name, then the dynamic and whole-environment entries; accessors and
// roots by position.
func (inv *Inventory) Sort() {
	rank := func(k Key) int {
		switch k.Class {
		case ClassCredential:
			return 0
		case ClassOther:
			return 1
		}
		return 2
	}
	slices.SortFunc(inv.Keys, func(a, b Key) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a.Name, b.Name))
	})
	slices.SortFunc(inv.EntryPoints, func(a, b EntryPoint) int { return cmp.Compare(a.Function, b.Function) })
	for i := range inv.Keys {
		k := &inv.Keys[i]
		slices.Sort(k.Ops)
		slices.Sort(k.Named)
		slices.SortFunc(k.Accessors, func(a, b Accessor) int {
			return cmp.Or(comparePosn(a.Frame, b.Frame), cmp.Compare(a.Function, b.Function), cmp.Compare(a.Op, b.Op))
		})
		slices.SortFunc(k.Roots, func(a, b Reach) int {
			return cmp.Or(comparePosn(a.Frames[0], b.Frames[0]), cmp.Compare(a.Root.Name, b.Root.Name))
		})
	}
}

func comparePosn(a, b output.Frame) int {
	return cmp.Or(cmp.Compare(a.Posn.Filename, b.Posn.Filename), cmp.Compare(a.Posn.Line, b.Posn.Line),
		cmp.Compare(a.Posn.Column, b.Posn.Column))
}

// Credentials counts the credential keys.
func (inv *Inventory) Credentials() int {
	n := 0
	for _, k := range inv.Keys {
		if k.Class == ClassCredential {
			n++
		}
	}
	return n
}

// maxKeysShown caps the variables the text and Markdown formats list for
// an entry point (an SDK's configuration loader reads dozens); JSON lists
// them all.
const maxKeysShown = 3

// shownKeys lists at most maxKeysShown keys, then how many more:
// "A, B, C and 47 more".
func shownKeys(keys []string, quote func(string) string) string {
	var shown []string
	for i, k := range keys {
		if i == maxKeysShown {
			break
		}
		shown = append(shown, quote(k))
	}
	s := strings.Join(shown, ", ")
	if rest := len(keys) - len(shown); rest > 0 {
		s += " and " + strconv.Itoa(rest) + " more"
	}
	return s
}
