package roots

import (
	"go/ast"
	"go/types"
)

// eachConversion calls visit for each place in file where a value is
// used as a value of an interface type: an argument, a composite
// literal's field or element, an assignment, a variable declaration with
// a type, a return value, an explicit conversion. An assignment to the
// blank identifier is not one. visit receives the
// value's expression and the interface type (which may be generic, an
// alias or named).
func eachConversion(info *types.Info, file *ast.File, visit func(e ast.Expr, to types.Type)) {
	var results []*types.Tuple // of the enclosing functions
	to := func(e ast.Expr, t types.Type) {
		if t != nil && types.IsInterface(t) {
			visit(ast.Unparen(e), t)
		}
	}
	var inspect func(n ast.Node) bool
	inspect = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				results = append(results, fn.Type().(*types.Signature).Results())
				ast.Inspect(n.Body, inspect)
				results = results[:len(results)-1]
			}
			return false
		case *ast.FuncLit:
			if sig, ok := info.TypeOf(n).(*types.Signature); ok {
				results = append(results, sig.Results())
				ast.Inspect(n.Body, inspect)
				results = results[:len(results)-1]
			}
			return false
		case *ast.ReturnStmt:
			if len(results) > 0 && results[len(results)-1].Len() == len(n.Results) {
				for i, e := range n.Results {
					to(e, results[len(results)-1].At(i).Type())
				}
			}
		case *ast.CallExpr:
			callConversions(info, n, to)
		case *ast.CompositeLit:
			litConversions(info, n, to)
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, e := range n.Rhs {
					if !isBlank(n.Lhs[i]) {
						to(e, info.TypeOf(n.Lhs[i]))
					}
				}
			}
		case *ast.ValueSpec:
			if n.Type != nil && len(n.Values) == len(n.Names) {
				for i, e := range n.Values {
					if !isBlank(n.Names[i]) {
						to(e, info.TypeOf(n.Type))
					}
				}
			}
		}
		return true
	}
	ast.Inspect(file, inspect)
}

// isBlank reports whether e is the blank identifier: an interface guard
// (var _ I = (*T)(nil)) hands its value to no one.
func isBlank(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "_"
}

// callConversions visits the arguments of a call converted to interface
// parameters, and the operand of a conversion to an interface type.
func callConversions(info *types.Info, call *ast.CallExpr, to func(ast.Expr, types.Type)) {
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			to(call.Args[0], tv.Type)
		}
		return
	}
	sig, ok := info.TypeOf(call.Fun).(*types.Signature)
	if !ok {
		return
	}
	params := sig.Params()
	for i, e := range call.Args {
		switch {
		case sig.Variadic() && i >= params.Len()-1 && !call.Ellipsis.IsValid():
			if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok {
				to(e, s.Elem())
			}
		case i < params.Len():
			to(e, params.At(i).Type())
		}
	}
}

// litConversions visits the elements of a composite literal stored in
// interface-typed fields or elements.
func litConversions(info *types.Info, lit *ast.CompositeLit, to func(ast.Expr, types.Type)) {
	t := info.TypeOf(lit)
	if t == nil {
		return
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok {
						to(kv.Value, v.Type())
					}
				}
			} else if i < u.NumFields() {
				to(e, u.Field(i).Type())
			}
		}
	case *types.Slice, *types.Array, *types.Map:
		elem := u.(interface{ Elem() types.Type }).Elem()
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				e = kv.Value
			}
			to(e, elem)
		}
	}
}
