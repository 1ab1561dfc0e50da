package envaccess

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/names"
)

// This file recognises value-preserving writes (issue 13, section 2): a
// write that sets a variable to the value just read from it,
//
//	os.Setenv(k, os.Getenv(k))
//	v := os.Getenv("PATH"); ...; os.Setenv("PATH", v)
//	if v, ok := os.LookupEnv(k); ok { os.Setenv(k, v) }
//
// changes nothing and is not an access. A deferred write is never one (it
// restores a value later). The key must be the same constant
// or the same variable in both calls; the value is the read itself, or a
// local with that one definition, and between the read and the write the
// function calls nothing but environment reads (a call could write the
// variable, and the write would then restore the old value: that is a
// real write, as in a swap-and-restore).

// setters are the writes that take a name and a value.
var setters = map[string]bool{"os.Setenv": true, "syscall.Setenv": true}

// getters are the reads whose result (first result) is the variable's
// value.
var getters = map[string]bool{"os.Getenv": true, "syscall.Getenv": true, "os.LookupEnv": true}

// preservesValue reports whether call, a call of a setter, writes back the
// value it reads from the same variable.
func (w *walker) preservesValue(call *ast.CallExpr) bool {
	if len(call.Args) != 2 || w.deferred(call) {
		return false
	}
	if read := w.getterCall(call.Args[1]); read != nil {
		return w.sameKey(call.Args[0], read.Args[0])
	}
	id, ok := ast.Unparen(call.Args[1]).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := w.st.info.Uses[id].(*types.Var)
	if !ok || len(w.b.scope.defs[v]) != 1 {
		return false
	}
	read, at := w.readInto(v)
	return read != nil && w.sameKey(call.Args[0], read.Args[0]) && !w.callsBetween(at, call)
}

// deferred reports whether call is the call of a defer or go statement: it
// runs later, when the variable may hold another value, and writes back
// the value read now (a restore).
func (w *walker) deferred(call *ast.CallExpr) bool {
	found := false
	ast.Inspect(w.b.block, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt:
			found = found || n.Call == call
		case *ast.GoStmt:
			found = found || n.Call == call
		}
		return !found && n != nil && n.Pos() <= call.Pos() && call.End() <= n.End()
	})
	return found
}

// getterCall returns e when it is a call of a getter with one argument.
func (w *walker) getterCall(e ast.Expr) *ast.CallExpr {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(c.Args) != 1 {
		return nil
	}
	fn, ok := typeutil.Callee(w.st.info, c).(*types.Func)
	if !ok || !getters[names.Full(fn)] {
		return nil
	}
	return c
}

// readInto finds the definition of v from a getter (v := os.Getenv(k), or
// v, ok := os.LookupEnv(k)), and the end of that assignment.
func (w *walker) readInto(v *types.Var) (*ast.CallExpr, token.Pos) {
	var read *ast.CallExpr
	var at token.Pos
	ast.Inspect(w.b.block, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || read != nil || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
			return read == nil
		}
		if id, ok := as.Lhs[0].(*ast.Ident); ok && w.st.info.ObjectOf(id) == v {
			read, at = w.getterCall(as.Rhs[0]), as.End()
		}
		return read == nil
	})
	return read, at
}

// sameKey reports whether a and b name the same variable: equal constants,
// or the same variable not assigned in the function after its definition.
func (w *walker) sameKey(a, b ast.Expr) bool {
	info := w.st.info
	ta, tb := info.Types[a], info.Types[b]
	if ta.Value != nil && tb.Value != nil {
		return ta.Value.Kind() == constant.String && constant.Compare(ta.Value, token.EQL, tb.Value)
	}
	ia, ok1 := ast.Unparen(a).(*ast.Ident)
	ib, ok2 := ast.Unparen(b).(*ast.Ident)
	if !ok1 || !ok2 {
		return false
	}
	v, ok := info.Uses[ia].(*types.Var)
	return ok && info.Uses[ib] == v && len(w.b.scope.defs[v]) <= 1
}

// callsBetween reports whether the body calls anything but a getter
// between from and the write call.
func (w *walker) callsBetween(from token.Pos, write *ast.CallExpr) bool {
	found := false
	ast.Inspect(w.b.block, func(n ast.Node) bool {
		if found || n == nil || n.End() <= from || n.Pos() >= write.Pos() {
			return false
		}
		c, ok := n.(*ast.CallExpr)
		if !ok || c.Pos() < from || c.End() > write.Pos() {
			return true
		}
		if tv, ok := w.st.info.Types[c.Fun]; ok && tv.IsType() {
			return true // a conversion
		}
		found = w.getterCall(c) == nil && !isBuiltin(w.st.info, c)
		return !found
	})
	return found
}

func isBuiltin(info *types.Info, c *ast.CallExpr) bool {
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	_, ok = info.Uses[id].(*types.Builtin)
	return ok
}
