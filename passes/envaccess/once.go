package envaccess

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/names"
	"github.com/credlint/credlint/passes/roots"
)

// onceVarBodies adds a body for each package-level function made by
// sync.OnceFunc, sync.OnceValue or sync.OnceValues from a literal, so that
// a call of the variable reaches the literal:
//
//	var setRegion = sync.OnceFunc(func() { os.Setenv("REGION", "eu") })
//	func handle(w http.ResponseWriter, r *http.Request) { setRegion() }
//
// The call is a run-once edge: the literal's writes reach the caller, its
// reads do not.
func (st *state) onceVarBodies() {
	vars := make([]*types.Var, 0, len(st.pkgVars))
	for v := range st.pkgVars {
		vars = append(vars, v)
	}
	slices.SortFunc(vars, func(a, b *types.Var) int { return int(a.Pos() - b.Pos()) }) // source order
	for _, v := range vars {
		st.onceVarBody(v, st.pkgVars[v])
	}
}

func (st *state) onceVarBody(v *types.Var, init ast.Expr) {
	call, ok := ast.Unparen(init).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return
	}
	fn, ok := typeutil.Callee(st.info, call).(*types.Func)
	if !ok || !runOnce[names.Full(fn.Origin())] {
		return
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.FuncLit)
	if !ok {
		//   var lazyEnv = sync.OnceValue(collectEnv)
		if fn, _ := roots.Target(st.info, nil, call.Args[0]); fn != nil {
			if st.onceFuncs == nil {
				st.onceFuncs = map[*types.Var]*types.Func{}
			}
			st.onceFuncs[v] = fn
		}
		return
	}
	sc := &scope{info: st.info, defs: localDefs(lit.Body, st.info), pkgVars: st.pkgVars, envSet: commandsWithEnv(lit.Body, st.info)}
	b := &body{lit: lit, block: lit.Body, scope: sc, direct: newSet(), sum: newSet()}
	if st.onceVars == nil {
		st.onceVars = map[*types.Var]*body{}
	}
	st.onceVars[v] = b
	st.order = append(st.order, b)
}

// onceVarCall adds the run-once edge of a call of a variable made by
// onceVarBodies, and reports whether v is one.
func (w *walker) onceVarCall(call *ast.CallExpr, v *types.Var) bool {
	if fn := w.st.onceFuncs[v]; fn != nil {
		w.onceStatic(call, fn)
		return true
	}
	callee := w.st.onceVars[v]
	if callee == nil {
		return false
	}
	h := w.hop(call.Pos(), v.Name(), nil, true)
	w.b.edges = append(w.b.edges, edge{caller: w.b, callee: callee, call: call, hop: h, once: true})
	return true
}

// onceStatic adds a call of fn that runs it at most once: its writes reach
// the caller, its reads do not.
func (w *walker) onceStatic(call *ast.CallExpr, fn *types.Func) {
	saved := w.once
	w.once = true
	w.staticCall(call, call.Pos(), fn, true)
	w.once = saved
}

// onceValueCall resolves a call through a function-typed variable, field
// or element to the functions of this package handed to a run-once
// wrapper whose signature it has, wherever the wrapper's result was
// stored:
//
//	s.env = sync.OnceValue(collectEnv)   ...   s.env()
func (w *walker) onceValueCall(call *ast.CallExpr, sig *types.Signature) {
	w.st.addressTaken()
	for _, fn := range w.st.takenOnce {
		if types.Identical(withoutRecv(fn.Type().(*types.Signature)), sig) {
			w.onceStatic(call, fn)
		}
	}
}

// onceArg returns the function argument of a run-once call
// (sync.OnceValue(collectEnv), once.Do(s.load)), or nil: a value taken
// there runs once, so it is not address-taken in the ordinary sense.
func (st *state) onceArg(call *ast.CallExpr) ast.Expr {
	fn, ok := typeutil.Callee(st.info, call).(*types.Func)
	if !ok || len(call.Args) == 0 || !runOnce[names.Full(fn.Origin())] {
		return nil
	}
	return ast.Unparen(call.Args[0])
}

// addOnceRead records a read that does not propagate because it runs in a
// run-once body, with its witness from the body that makes the run-once
// call: credlint audit lists every read, run-once ones marked.
func (st *state) addOnceRead(a Access) {
	if st.onceReads == nil {
		st.onceReads = newSet()
	}
	st.onceReads.add(a)
}
