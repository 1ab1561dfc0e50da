package envaccess

import (
	"go/ast"
	"go/types"
)

// originCall resolves an interface method call whose receiver is a local
// variable every definition of which has a concrete type, visible in the
// enclosing function: only those types' methods are called.
//
//	var src Source = StaticSource(tok)   // or src := Source(&Static{...})
//	src.Token()                          // (StaticSource).Token only
//
// It reports false when the origin is not visible (a parameter, a field,
// a result of an interface-typed call, a definition it cannot see).
func (w *walker) originCall(call *ast.CallExpr, m *types.Func) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	concrete := w.origins(sel.X)
	if len(concrete) == 0 {
		return false
	}
	var fns []*types.Func
	for _, t := range concrete {
		obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
		fn, ok := obj.(*types.Func)
		if !ok || isAbstract(fn) {
			return false // promoted from an embedded interface: resolve as usual
		}
		fns = append(fns, fn)
	}
	for _, fn := range fns {
		w.staticCall(call, call.Pos(), fn, true)
	}
	return true
}

// origins returns the concrete types of every definition of the local
// variable e names, or nil when one of them is not concrete or unknown.
func (w *walker) origins(e ast.Expr) []types.Type {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := w.st.info.Uses[id].(*types.Var)
	if !ok || w.b.scope.paramIndex(v) >= 0 {
		return nil
	}
	defs := w.b.scope.defs[v]
	if len(defs) == 0 {
		return nil
	}
	var out []types.Type
	for _, d := range defs {
		t := w.concreteOf(d.rhs)
		if t == nil {
			return nil
		}
		out = append(out, t)
	}
	return out
}

// concreteOf returns the concrete type of e, looking through explicit
// conversions to interfaces (Source(StaticSource(tok))), or nil.
func (w *walker) concreteOf(e ast.Expr) types.Type {
	if e == nil {
		return nil
	}
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := w.st.info.Types[call.Fun]; ok && tv.IsType() && types.IsInterface(tv.Type) {
			return w.concreteOf(call.Args[0])
		}
	}
	t := w.st.info.TypeOf(e)
	if t == nil || types.IsInterface(t) {
		return nil
	}
	return t
}
