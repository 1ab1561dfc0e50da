package envaccess

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/names"
)

// This file follows function values stored in package-level variables
// (issue 13, section 4). A function value taken in a package-level
// initializer is taken by every function that uses the variable, since
// only those can call it (a template executing the map, a dispatcher
// indexing it):
//
//	var sharedFuncs = template.FuncMap{"setEnv": setEnvFunc}
//	func deploy() { template.New("x").Funcs(sharedFuncs) ... }   // takes setEnvFunc
//
// The values are those written in the initializer and in the initializers
// of the package variables it uses, transitively; function literals there
// get a body of their own. A package-level initializer itself runs once,
// before main, and is no one's call.

// varValues are the function values a package variable's initializer holds.
type varValues struct {
	funcs []*types.Func // declared functions and sinks, whose value is taken
	lits  []*body       // function literals, summarised on their own
}

// initVarFuncs computes the values of every package variable whose
// initializer holds function values, and adds a body for each literal.
func (st *state) initVarFuncs() {
	vars := make([]*types.Var, 0, len(st.pkgVars))
	for v := range st.pkgVars {
		vars = append(vars, v)
	}
	slices.SortFunc(vars, func(a, b *types.Var) int { return int(a.Pos() - b.Pos()) })
	direct := map[*types.Var]*varValues{}
	uses := map[*types.Var][]*types.Var{}
	for _, v := range vars {
		vv, used := st.initValues(st.pkgVars[v], true)
		direct[v], uses[v] = vv, used
	}
	st.varFuncs = map[*types.Var]*varValues{}
	for _, v := range vars {
		all := &varValues{}
		seen := map[*types.Var]bool{}
		var visit func(*types.Var)
		visit = func(u *types.Var) {
			if seen[u] || direct[u] == nil {
				return
			}
			seen[u] = true
			all.funcs = append(all.funcs, direct[u].funcs...)
			all.lits = append(all.lits, direct[u].lits...)
			for _, x := range uses[u] {
				visit(x)
			}
		}
		visit(v)
		if len(all.funcs)+len(all.lits) > 0 {
			sortFuncs(all.funcs)
			all.funcs = slices.Compact(all.funcs)
			st.varFuncs[v] = all
		}
	}
}

// initValues returns the function values one initializer takes, and the
// package variables it uses. Calls in it run at init: their callees are
// not values (var client = newClient()), but their function arguments
// are. The argument of a run-once call is left to once.go, and a root
// literal is its own body. Other literals get a body when withLits (a
// package-level initializer); inside a function they are part of it.
func (st *state) initValues(init ast.Expr, withLits bool) (*varValues, []*types.Var) {
	vv := &varValues{}
	var used []*types.Var
	called := map[ast.Expr]bool{}
	note := func(e ast.Expr, obj types.Object) {
		switch obj := obj.(type) {
		case *types.Func:
			if !called[e] && !st.roots.IsRootRef(e) {
				vv.funcs = append(vv.funcs, obj.Origin())
			}
		case *types.Var:
			if _, ok := st.pkgVars[obj]; ok {
				used = append(used, obj)
			}
		}
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			called[ast.Unparen(n.Fun)] = true
			if arg := st.onceArg(n); arg != nil {
				called[arg] = true
			}
		case *ast.FuncLit:
			if withLits && !called[n] && st.roots.LitRoot(n) == nil {
				vv.lits = append(vv.lits, st.valueLitBody(n))
			}
			return false
		case *ast.SelectorExpr:
			note(n, st.info.Uses[n.Sel])
			ast.Inspect(n.X, visit)
			return false // n.Sel is n
		case *ast.Ident:
			note(n, st.info.Uses[n])
		}
		return true
	}
	ast.Inspect(init, visit)
	return vv, used
}

// valueLitBody adds a body for a function literal held in a package
// variable.
func (st *state) valueLitBody(lit *ast.FuncLit) *body {
	sc := &scope{info: st.info, defs: localDefs(lit.Body, st.info), pkgVars: st.pkgVars, envSet: commandsWithEnv(lit.Body, st.info)}
	b := &body{lit: lit, block: lit.Body, scope: sc, direct: newSet(), sum: newSet()}
	st.order = append(st.order, b)
	return b
}

// varUse adds the function values a used package variable holds, as
// calls with unknown arguments at the use; a sink the use calls is left
// to the call, which knows its arguments. A variable of another package
// holds what its Summary fact says (exportVarFacts).
func (w *walker) varUse(id *ast.Ident, v *types.Var) {
	if v.Pkg() != w.st.pass.Pkg {
		if v.Pkg() != nil && v.Exported() && !v.IsField() && v.Pkg().Scope().Lookup(v.Name()) == v {
			h := w.hop(id.Pos(), v.Pkg().Name()+"."+v.Name(), nil, true)
			for _, a := range w.st.importedVarSummary(v) {
				w.addThrough(a, nil, h, w.once)
			}
		}
		return
	}
	vv := w.st.varFuncs[v]
	if vv == nil {
		return
	}
	called := w.called[id]
	for _, fn := range vv.funcs {
		if _, sink := sinks[names.Full(fn.Origin())]; sink && called {
			// getenv("AWS_REGION") of var getenv = os.Getenv: the call
			// itself is resolved with its argument (funcValueCall).
			continue
		}
		w.valueRef(id, fn)
	}
	for _, lit := range vv.lits {
		h := w.hop(id.Pos(), v.Name(), nil, true)
		w.b.edges = append(w.b.edges, edge{caller: w.b, callee: lit, hop: h, once: w.once,
			locks: w.st.held(w.b, id.Pos())})
	}
}

// varBodies adds, for each exported package variable holding function
// values, a body that uses it once, whose summary becomes the variable's
// Summary fact, so that other packages' uses (lib.Funcs) see it.
func (st *state) varBodies() {
	for _, f := range st.pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for _, id := range vs.Names {
					v, ok := st.info.Defs[id].(*types.Var)
					if !ok || !v.Exported() || st.varFuncs[v] == nil {
						continue
					}
					b := &body{block: &ast.BlockStmt{Lbrace: id.Pos(), Rbrace: id.End()},
						scope: &scope{info: st.info, pkgVars: st.pkgVars}, direct: newSet(), sum: newSet()}
					st.order = append(st.order, b)
					if st.exportedVars == nil {
						st.exportedVars = map[*types.Var]*body{}
					}
					st.exportedVars[v] = b
					(&walker{st: st, b: b, called: map[ast.Expr]bool{}, skip: map[ast.Node]bool{}}).varUse(id, v)
				}
			}
		}
	}
}

// importedVarSummary returns the accesses of an imported package
// variable's function values, from its Summary fact.
func (st *state) importedVarSummary(v *types.Var) []Access {
	if acc, ok := st.importedVars[v]; ok {
		return acc
	}
	var fact Summary
	var acc []Access
	if st.pass.ImportObjectFact(v, &fact) {
		acc = fact.Accesses
	}
	if st.importedVars == nil {
		st.importedVars = map[*types.Var][]Access{}
	}
	st.importedVars[v] = acc
	return acc
}

// exportVarFacts exports the Summary of each variable varBodies made a
// body for, and reports whether there was one.
func (st *state) exportVarFacts() bool {
	any := false
	for v, b := range st.exportedVars {
		if len(b.sum.byKey) > 0 {
			st.pass.ExportObjectFact(v, &Summary{Accesses: factAccesses(b.sum.sorted())})
			any = true
		}
	}
	return any
}

// templateExecutes are the methods that run a template's functions.
var templateExecutes = map[string]bool{
	"(*text/template.Template).Execute":         true,
	"(*text/template.Template).ExecuteTemplate": true,
	"(*html/template.Template).Execute":         true,
	"(*html/template.Template).ExecuteTemplate": true,
}

// templateFuncs are the methods that give a template its functions.
var templateFuncs = map[string]bool{
	"(*text/template.Template).Funcs": true,
	"(*html/template.Template).Funcs": true,
}

// executeCall adds, at a call that executes a template, the functions
// this package gives templates through Funcs (a map literal, or a
// variable holding one): template text calls them, with arguments the
// analysis cannot see. Literals written in a map inside a function are
// part of that function's body already.
func (w *walker) executeCall(call *ast.CallExpr) {
	for _, fn := range w.st.templateFuncValues() {
		w.valueRef(call, fn)
	}
}

// templateFuncValues lists the functions handed to Funcs anywhere in the
// package, in a stable order.
func (st *state) templateFuncValues() []*types.Func {
	if st.tmplFuncs != nil {
		return *st.tmplFuncs
	}
	var out []*types.Func
	scan := func(n ast.Node, defs map[*types.Var][]def) {
		ast.Inspect(n, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			if fn, ok := typeutil.Callee(st.info, call).(*types.Func); ok && templateFuncs[names.Full(fn)] {
				out = append(out, st.mapFuncs(call.Args[0], defs)...)
			}
			return true
		})
	}
	for _, b := range st.order {
		if b.fn != nil {
			scan(b.block, b.scope.defs)
		}
	}
	for _, f := range st.pass.Files {
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok {
				scan(gd, nil)
			}
		}
	}
	sortFuncs(out)
	out = slices.Compact(out)
	st.tmplFuncs = &out
	return out
}

// mapFuncs returns the declared functions and sinks a Funcs argument
// holds: a map literal's values, or those of the composite literals a
// variable is defined with (a package variable's through its
// initializer, a local's through defs).
func (st *state) mapFuncs(e ast.Expr, defs map[*types.Var][]def) []*types.Func {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		vv, _ := st.initValues(e, false)
		return vv.funcs
	case *ast.Ident:
		v, ok := st.info.Uses[e].(*types.Var)
		if !ok {
			return nil
		}
		if vv := st.varFuncs[v]; vv != nil {
			return vv.funcs
		}
		var out []*types.Func
		for _, d := range defs[v] {
			if lit, ok := ast.Unparen(d.rhs).(*ast.CompositeLit); ok {
				out = append(out, st.mapFuncs(lit, nil)...)
			}
		}
		return out
	}
	return nil
}
