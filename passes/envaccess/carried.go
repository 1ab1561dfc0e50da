package envaccess

import (
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/credlint/credlint/internal/names"
	"github.com/credlint/credlint/passes/roots"
)

// This file carries implementations of interfaces by value, for the
// registry shape (issue 13, section 4; external-secrets' providers):
//
//	package vault                    // converts *Provider to store.Provider
//	func init() { store.Register("vault", &Provider{}) }
//
//	package register                 // imports it for its init only
//	import _ "example.com/app/vault"
//
//	package ctrl                     // calls the interface
//	import _ "example.com/app/register"
//	func (r *Reconciler) Reconcile(...) { store.Get(r.kind).NewClient(key) }
//
// ctrl's unit cannot see vault's conversion: under go vet a unit sees
// the package facts of its direct imports only (a facts file never
// re-exports an imported package's package facts), and the object facts
// of other packages only where its imports' export data mention them;
// register's mentions nothing of vault. So the interface call reached no
// implementation under go vet. (In process every fact of every
// dependency is in view, and the usual dispatch of resolve.go finds it.)
// Each package's Conversions fact therefore also carries, by value, the
// implementations that its own code converts to an exported method of an
// exported interface outside the standard library (its Carried
// dispatches, with the method's accesses), and forwards those of the
// packages it imports for their side effects only (import _ "path"), the
// registering idiom: a dispatch is copied once per blank import, not
// into every package above it. An interface call of that interface's
// method reaches the carried implementations that the usual dispatch did
// not reach. Not carried: a registration reached only through a
// non-blank import, and one into an interface of the standard library
// or an unnamed one.

// Dispatch is one implementation of an interface method carried by
// value: a value of the implementing type is converted to the interface
// somewhere in the program.
type Dispatch struct {
	Method   string   // the interface method, "path.Iface.M"
	Impl     string   // the implementing method's FullName
	Name     string   // its display name, "(*vault.Provider).NewClient"
	Pkg      string   // the implementing method's package path
	Accesses []Access // its Summary, as a fact holds it
}

// dispatchKey names interface method m for carried dispatch
// ("path.Iface.M", by the interface that declares it), or returns "" for
// a method no carried dispatch is kept for: unexported, of an unnamed or
// unexported interface, or of one of the standard library, which every
// program converts to.
func (st *state) dispatchKey(m *types.Func) string {
	sig, _ := m.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil || !m.Exported() {
		return ""
	}
	n, ok := types.Unalias(sig.Recv().Type()).(*types.Named)
	if !ok || !types.IsInterface(n) || n.Obj().Pkg() == nil || !n.Obj().Exported() || roots.InStdlib(st.pass, n) {
		return ""
	}
	n = n.Origin()
	return n.Obj().Pkg().Path() + "." + n.Obj().Name() + "." + m.Name()
}

// ownDispatch returns the carried dispatches of conversion cv, made by
// this package's code: its named type's method of the interface's method
// name, with that method's accesses.
func (st *state) ownDispatch(cv conversion) []Dispatch {
	if cv.iface == "" {
		return nil
	}
	var out []Dispatch
	for i := range cv.named.NumMethods() {
		m := cv.named.Method(i)
		if m.Name() != cv.method {
			continue
		}
		var acc []Access
		if b := st.bodies[m]; b != nil {
			acc = factAccesses(st.accessesOf(b))
		} else if m.Pkg() != st.pass.Pkg {
			acc = st.importedSummary(m)
		}
		if len(acc) > 0 {
			out = append(out, Dispatch{Method: cv.iface, Impl: names.Full(m), Name: names.Func(m, nil), Pkg: m.Pkg().Path(), Accesses: acc})
		}
	}
	return out
}

// exportConversionsFact exports the Conversions fact: the package's own
// conversions, its own carried dispatches, and those it forwards.
func (st *state) exportConversionsFact(types []string, own []Dispatch) {
	carried := append(own, st.forwarded()...)
	if len(types) == 0 && len(carried) == 0 {
		return
	}
	sortBy(carried, func(d Dispatch) string { return d.Method + " " + d.Impl })
	carried = slices.CompactFunc(carried, func(a, b Dispatch) bool { return a.Method == b.Method && a.Impl == b.Impl })
	st.pass.ExportPackageFact(&Conversions{Types: types, Carried: carried})
}

// forwarded returns the carried dispatches of the packages this package
// imports for their side effects only (import _ "path"): the export data
// of a package never mentions those, so go vet decodes none of their
// facts in its importers' units. Only blank imports forward, so that a
// dispatch is copied once per registering import, not into every
// package above it.
func (st *state) forwarded() []Dispatch {
	blank := map[string]bool{}
	for _, f := range st.pass.Files {
		for _, spec := range f.Imports {
			if spec.Name != nil && spec.Name.Name == "_" {
				if p, err := strconv.Unquote(spec.Path.Value); err == nil {
					blank[p] = true
				}
			}
		}
	}
	var out []Dispatch
	for _, imp := range st.pass.Pkg.Imports() {
		var f Conversions
		if blank[imp.Path()] && st.pass.ImportPackageFact(imp, &f) {
			out = append(out, f.Carried...)
		}
	}
	return out
}

// carriedDispatch returns the carried dispatches in view of the
// interface method key that come from this repository or one it imports
// directly (the rule of methodsNamed), in a stable order.
func (st *state) carriedDispatch(key string) []Dispatch {
	if st.carried == nil {
		st.carried = map[string][]Dispatch{}
		near := st.nearRepos()
		for _, pf := range st.pass.AllPackageFacts() {
			if f, ok := pf.Fact.(*Conversions); ok {
				for _, d := range f.Carried {
					if near(d.Pkg) && !slices.ContainsFunc(st.carried[d.Method], func(o Dispatch) bool { return o.Impl == d.Impl }) {
						st.carried[d.Method] = append(st.carried[d.Method], d)
					}
				}
			}
		}
		for k := range st.carried {
			sortBy(st.carried[k], func(d Dispatch) string { return d.Impl })
		}
	}
	return st.carried[key]
}

// carriedCall adds the accesses of the carried implementations of the
// interface method m that call reaches, less those the usual dispatch
// reached (done, by FullName).
func (w *walker) carriedCall(call *ast.CallExpr, m *types.Func, done map[string]bool) {
	key := w.st.dispatchKey(m)
	if key == "" {
		return
	}
	for _, d := range w.st.carriedDispatch(key) {
		if done[d.Impl] {
			continue
		}
		h := w.hop(call.Pos(), d.Name, nil, true)
		for _, a := range d.Accesses {
			w.addThrough(a, call, h, w.once)
		}
	}
}

// callsCarried reports whether the package calls an interface method
// that a carried dispatch in view implements: then it may reach the
// environment without naming any package that touches it (mayReachEnv).
func (st *state) callsCarried() bool {
	keys := map[string]bool{}
	for _, pf := range st.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*Conversions); ok {
			for _, d := range f.Carried {
				keys[d.Method] = true
			}
		}
	}
	if len(keys) == 0 {
		return false
	}
	for _, obj := range st.info.Uses {
		if fn, ok := obj.(*types.Func); ok && isAbstract(fn) && keys[st.dispatchKey(fn)] {
			return true
		}
	}
	return false
}

func (d Dispatch) String() string {
	acc := make([]string, len(d.Accesses))
	for i := range d.Accesses {
		acc[i] = d.Accesses[i].String()
	}
	return d.Method[strings.LastIndex(d.Method[:strings.LastIndex(d.Method, ".")], "/")+1:] + "=" + d.Name + ":" + strings.Join(acc, ",")
}
