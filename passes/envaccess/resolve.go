package envaccess

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/credlint/credlint/internal/names"
)

// Dynamic calls are resolved against what the package can see (see doc.go):
//
//   - an interface method call x.M() whose receiver's origin is visible
//     reaches that type's method only (origin.go); otherwise it reaches
//     every method M of a concrete type converted to an interface with M
//     (conversions.go) that implements x's interface type, declared in this package or
//     in a dependency where that method has a Summary fact, if that
//     dependency is in the same repository as this package or as one of
//     its direct imports (repoRoot). A type from a repository the package
//     reaches only transitively (caddy's reverse proxy and the auth
//     transport of cloud.google.com/go/auth, three imports away) is not a
//     value the package's interfaces plausibly hold: following it gave
//     infeasible paths on real programs;
//   - a call through a function-typed variable, field or element (not a
//     parameter: the caller's argument is a use as a value, counted there)
//     reaches every function of this package whose value is taken
//     somewhere in the package and whose signature is identical, sinks
//     included (a struct field holding os.Getenv).

// ifaceCall resolves an interface method call.
func (w *walker) ifaceCall(call *ast.CallExpr, m *types.Func) {
	var iface *types.Interface
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if t := w.st.info.TypeOf(sel.X); t != nil {
			iface, _ = t.Underlying().(*types.Interface)
		}
	}
	if iface == nil {
		iface, _ = m.Type().(*types.Signature).Recv().Type().Underlying().(*types.Interface)
	}
	if iface == nil || w.originCall(call, m) {
		return
	}
	done := map[string]bool{}
	for _, c := range w.st.methodsNamed(m.Name()) {
		if w.st.implements(c, iface) && w.st.isConverted(c) {
			w.staticCall(call, call.Pos(), c, true)
			done[names.Full(c)] = true
		}
	}
	w.carriedCall(call, m, done) // conversions this unit cannot see (carried.go)
}

// implements reports whether the receiver type of method c implements
// iface. The method of a generic type is declared on S[T]; it implements
// iface when S[T] does for every T (Get() string), or when an
// instantiation the package uses does (Get() T through an interface with
// Get() string, for S[string]):
//
//	type S[T any] struct{ v T }
//	func (S[T]) Get() string { return os.Getenv("API_TOKEN") }
//	var g getter = S[int]{}
func (st *state) implements(c *types.Func, iface *types.Interface) bool {
	recv := c.Type().(*types.Signature).Recv().Type()
	if types.Implements(recv, iface) {
		return true
	}
	ptr, _ := recv.(*types.Pointer)
	if ptr != nil {
		recv = ptr.Elem()
	}
	named, ok := types.Unalias(recv).(*types.Named)
	if !ok || named.TypeParams().Len() == 0 {
		return false
	}
	for _, inst := range st.instancesOf(named.Origin()) {
		var t types.Type = inst
		if ptr != nil {
			t = types.NewPointer(inst)
		}
		if types.Implements(t, iface) {
			return true
		}
	}
	return false
}

// instancesOf returns the instantiations of the generic type origin that
// the package's code writes (S[string]{}, *S[int]), in a stable order.
func (st *state) instancesOf(origin *types.Named) []*types.Named {
	if st.instances == nil {
		st.instances = map[*types.Named][]*types.Named{}
		var ids []*ast.Ident
		for id := range st.info.Instances {
			ids = append(ids, id)
		}
		sortBy(ids, func(id *ast.Ident) string { return st.at(id.Pos()) + ":" + id.Name })
		for _, id := range ids {
			if n, ok := st.info.Instances[id].Type.(*types.Named); ok {
				o := n.Origin()
				st.instances[o] = append(st.instances[o], n)
			}
		}
	}
	return st.instances[origin]
}

// funcValueCall resolves a call through a function-typed variable.
func (w *walker) funcValueCall(call *ast.CallExpr, v *types.Var) {
	if w.onceVarCall(call, v) {
		return //   setRegion() of var setRegion = sync.OnceFunc(...)
	}
	if w.b.scope.paramIndex(v) >= 0 {
		return // the caller's argument counts where it is passed
	}
	if _, bound := w.st.litVars(w.b)[v]; bound {
		return // a local literal, walked as part of this body
	}
	sig, ok := v.Type().Underlying().(*types.Signature)
	if !ok {
		return
	}
	for _, fn := range w.st.addressTaken() {
		fsig := fn.Type().(*types.Signature)
		if fsig.TypeParams().Len() > 0 || !types.Identical(withoutRecv(fsig), sig) {
			continue
		}
		if s, ok := sinks[names.Full(fn)]; ok {
			w.sinkCall(call, s, true)
			continue
		}
		w.staticCall(call, call.Pos(), fn, true)
	}
	w.onceValueCall(call, sig)
}

func withoutRecv(sig *types.Signature) *types.Signature {
	if sig.Recv() == nil {
		return sig
	}
	return types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
}

// methodsNamed returns the concrete methods named name that may reach the
// environment: those of this package and imported ones with a Summary.
func (st *state) methodsNamed(name string) []*types.Func {
	if st.methods == nil {
		st.methods = map[string][]*types.Func{}
		for fn := range st.bodies {
			if fn != nil && isConcreteMethod(fn) {
				st.methods[fn.Name()] = append(st.methods[fn.Name()], fn)
			}
		}
		near := st.nearRepos()
		for _, f := range st.pass.AllObjectFacts() {
			if _, ok := f.Fact.(*Summary); !ok {
				continue
			}
			if fn, ok := f.Object.(*types.Func); ok && isConcreteMethod(fn) && near(fn.Pkg().Path()) {
				st.methods[fn.Name()] = append(st.methods[fn.Name()], fn)
			}
		}
		for k := range st.methods {
			sortFuncs(st.methods[k])
		}
	}
	return st.methods[name]
}

func isConcreteMethod(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil || types.IsInterface(sig.Recv().Type()) {
		return false
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := types.Unalias(t).(*types.Named)
	return ok
}

// addressTaken lists the functions of this package, and the sinks, whose
// value is taken somewhere in the package (outside root registrations and
// run-once calls), in a stable order. The values handed to run-once calls
// go to st.takenOnce.
func (st *state) addressTaken() []*types.Func {
	if st.taken != nil {
		return st.taken
	}
	seen, once := map[*types.Func]bool{}, map[*types.Func]bool{}
	called := map[ast.Expr]bool{}
	onceArgs := map[ast.Expr]bool{}
	note := func(e ast.Expr, fn *types.Func) {
		switch {
		case called[e]:
		case onceArgs[e]:
			st.noteTaken(once, e, fn)
		default:
			st.noteTaken(seen, e, fn)
		}
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			called[ast.Unparen(n.Fun)] = true
			if arg := st.onceArg(n); arg != nil {
				onceArgs[arg] = true
			}
		case *ast.SelectorExpr:
			if fn, ok := st.info.Uses[n.Sel].(*types.Func); ok {
				note(n, fn)
			}
			ast.Inspect(n.X, visit)
			return false
		case *ast.Ident:
			if fn, ok := st.info.Uses[n].(*types.Func); ok {
				note(n, fn)
			}
		}
		return true
	}
	for _, f := range st.pass.Files {
		ast.Inspect(f, visit)
	}
	st.taken, st.takenOnce = sortedFuncs(seen), sortedFuncs(once)
	return st.taken
}

func sortedFuncs(set map[*types.Func]bool) []*types.Func {
	out := make([]*types.Func, 0, len(set))
	for fn := range set {
		out = append(out, fn)
	}
	sortFuncs(out)
	return out
}

func (st *state) noteTaken(seen map[*types.Func]bool, e ast.Expr, fn *types.Func) {
	if st.roots.IsRootRef(e) {
		return
	}
	fn = fn.Origin()
	if _, sink := sinks[names.Full(fn)]; sink || fn.Pkg() == st.pass.Pkg {
		seen[fn] = true
	}
}

func sortFuncs(fns []*types.Func) {
	sortBy(fns, func(fn *types.Func) string { return names.Full(fn) })
}

// nearRepos returns whether an import path is near this package: in the
// repository (repoRoot) of this package or of one of its direct imports,
// or in this package's own module, which repoRoot's guess splits when the
// module path is short (example.com/x/p is a repository of its own).
func (st *state) nearRepos() func(path string) bool {
	near := map[string]bool{repoRoot(st.pass.Pkg.Path()): true}
	for _, imp := range st.pass.Pkg.Imports() {
		near[repoRoot(imp.Path())] = true
	}
	module := ""
	if m := st.pass.Module; m != nil {
		module = m.Path
	}
	return func(path string) bool {
		return near[repoRoot(path)] || module != "" && (path == module || strings.HasPrefix(path, module+"/"))
	}
}

// repoRoot approximates the repository of an import path without module
// information: "std" for the standard library (no dot in the first
// element), else the first three elements (github.com/owner/repo,
// golang.org/x/oauth2, cloud.google.com/go/auth), or the whole path when it
// is shorter. Test variants and vendored paths count as their package.
func repoRoot(path string) string {
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		path = path[i+len("/vendor/"):]
	}
	first, _, _ := strings.Cut(path, "/")
	if !strings.Contains(first, ".") {
		return "std"
	}
	parts := strings.SplitN(path, "/", 4)
	if len(parts) > 3 {
		parts = parts[:3]
	}
	return strings.Join(parts, "/")
}
