// Package sdks is credlint's knowledge of SDK entry points that read
// credentials from the process environment but accept them explicitly:
// Table (table.go), one row per entry point, and the queries the analyzer
// (fixes, settled keys) and credlint audit (explicit or env only) ask of it.
package sdks

import (
	"go/ast"
	"go/types"
	"path"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// How says how a fix adds the adapter's call.
type How int

const (
	// Spread passes the adapter's options to the entry point's variadic
	// options: f(a, b) becomes f(adapter.With(ctx, a, b)...), f(opts...)
	// becomes f(adapter.With(ctx, opts...)...), f(ctx) becomes
	// f(ctx, adapter.With(ctx)...).
	Spread How = iota
	// Wrap calls the adapter's function of the same shape, with the
	// context first: f(o) becomes adapter.F(ctx, o).
	Wrap
)

// An Entry is one row of Table.
type Entry struct {
	SDK string // the module and version the row was read from
	// Func is the entry point, as (*types.Func).FullName gives it; "" when
	// Variadic keys the row instead.
	Func string
	// Variadic keys a row on the element type of a function's variadic
	// last parameter, for SDKs whose every client constructor takes the
	// same options (every cloud.google.com/go/... NewClient takes
	// ...option.ClientOption).
	Variadic string
	Adapter  string // import path of the adapter module
	Call     string // the adapter's function: With for Spread, the wrapper for Wrap
	How      How
	// Returns is the static type the Wrap adapter returns instead of the
	// SDK's result, a qualified interface name: the fix wraps a call only
	// where its result can change to it.
	Returns string
	Keys    []string            // the variables the adapter supplies from a profile: its call settles them
	Options map[string][]string // the SDK's explicit options (FullName) and the variables each settles
}

// Indexes over Table, built once.
var (
	byFunc     = map[string]*Entry{}
	byVariadic = map[string]*Entry{}
	byAdapter  = map[string]*Entry{} // FullName of an adapter's function
)

func init() {
	for i := range Table {
		e := &Table[i]
		if e.Func != "" {
			byFunc[e.Func] = e
		}
		if e.Variadic != "" {
			byVariadic[e.Variadic] = e
		}
		byAdapter[e.Adapter+"."+e.Call] = e
	}
}

// Module is the module path of the SDK the row was read from, the first
// field of SDK.
func (e *Entry) Module() string {
	m, _, _ := strings.Cut(e.SDK, " ")
	return m
}

// AdapterName is the package name of the adapter: "openaienv".
func (e *Entry) AdapterName() string { return path.Base(e.Adapter) }

// AdapterCall renders the adapter's function for messages and the audit:
// "openaienv.With", "azureenv.NewDefaultAzureCredential".
func (e *Entry) AdapterCall() string { return e.AdapterName() + "." + e.Call }

// Lookup returns the row of an SDK entry point, or nil. fn is the callee of
// a call; a function whose last parameter is variadic of a row's Variadic
// type has that row.
func Lookup(fn *types.Func) *Entry {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if e := byFunc[fn.FullName()]; e != nil {
		return e
	}
	if len(byVariadic) == 0 {
		return nil
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || !sig.Variadic() {
		return nil
	}
	last := sig.Params().At(sig.Params().Len() - 1).Type()
	if s, ok := last.(*types.Slice); ok {
		return byVariadic[types.TypeString(types.Unalias(s.Elem()), nil)]
	}
	return nil
}

// LookupAdapter returns the row whose adapter function fn is, or nil: a
// call of azureenv.NewDefaultAzureCredential settles the row's keys.
func LookupAdapter(fn *types.Func) *Entry {
	if fn == nil {
		return nil
	}
	return byAdapter[fn.Origin().FullName()]
}

// Settles reports whether call, a call of the entry point of e (or of its
// adapter's wrapper, adapter true), gives key explicitly: an argument that
// is a call of the adapter's With (which supplies e.Keys) or of an SDK
// option that settles key. Options built elsewhere and passed in a
// variable are not followed (fail toward reporting).
func (e *Entry) Settles(info *types.Info, call *ast.CallExpr, adapter bool, key string) bool {
	if adapter {
		return slices.Contains(e.Keys, key)
	}
	for _, arg := range call.Args {
		c, ok := ast.Unparen(arg).(*ast.CallExpr)
		if !ok {
			continue
		}
		fn := typeutil.StaticCallee(info, c)
		if fn == nil {
			continue
		}
		name := fn.Origin().FullName()
		if name == e.Adapter+"."+e.Call && slices.Contains(e.Keys, key) {
			return true
		}
		if slices.Contains(e.Options[name], key) {
			return true
		}
	}
	return false
}

// PassesAdapter reports whether call already passes the adapter's With.
func (e *Entry) PassesAdapter(info *types.Info, call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		if c, ok := ast.Unparen(arg).(*ast.CallExpr); ok {
			if fn := typeutil.StaticCallee(info, c); fn != nil && fn.Origin().FullName() == e.Adapter+"."+e.Call {
				return true
			}
		}
	}
	return false
}
