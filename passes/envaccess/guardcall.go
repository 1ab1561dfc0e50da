package envaccess

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// This file resolves a callee's pending fallback guard at a call (see
// guards.go): a call that passes a value there discharges the access
//
//	lib.New(lib.Options{Token: "x"})   // the read of X_TOKEN is gone
//	lib.New(opts)                      // opts is the caller's parameter: still pending
//	lib.New(lib.Options{})             // a fallback that runs: reported as one
//
// and a switch guard the other way round: a call that passes false (or a
// literal leaving the field out) discharges the access
//
//	notify.Send(false, "READY=1")      // the Unsetenv behind unsetEnvironment is gone
//	notify.Send(unset, "READY=1")      // anything else: kept, with its guard
//
// Only what the call site shows counts as a value: a non-zero constant, a
// composite literal (&T{...} too), a function literal or a named function,
// a keyed field of a literal, followed through locals with one definition.

// argState is what a call site tells about a guarded value.
type argState uint8

const (
	argUnknown argState = iota
	argMissing          // the zero value or nil: the fallback runs
	argPresent          // a value: the fallback never runs
	argPending          // the caller's own parameter (or field): its callers tell
)

// guardThrough applies the guards of a call at pos in body block of s to
// the callee's access a: the callee's pending guard is resolved against
// the call's arguments, then combined with the guard around the call. It
// reports false when the call discharges the access.
func (s *scope) guardThrough(a Access, call *ast.CallExpr, dyn bool, block *ast.BlockStmt, pos token.Pos) (Access, bool) {
	if a.Guard.Pending() {
		g := a.Guard.residual()
		if arg := s.guardArg(call, a.Guard.Slot); arg != nil && !dyn {
			switch st, slot, field := s.valueAt(arg, a.Guard.Field, pos, 0); st {
			case a.Guard.discharger():
				return a, false
			case argPending:
				g.Slot, g.Field = slot, field
			}
		}
		a.Guard = g
	}
	if s.guards != nil {
		a.Guard = innerGuard(a.Guard, s.guardAt(block, pos))
	}
	return a, true
}

// discharger is what a call must pass to discharge the guard: a value for
// a fallback, false (the zero value) for a switch.
func (g Guard) discharger() argState {
	if g.Set {
		return argMissing
	}
	return argPresent
}

// guardArg returns the expression a call passes for a guard's slot: the
// receiver of a method call (slot 1), or argument slot-2.
func (s *scope) guardArg(call *ast.CallExpr, slot int) ast.Expr {
	if call == nil {
		return nil
	}
	if slot == 1 {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if sn := s.info.Selections[sel]; sn == nil || sn.Kind() != types.MethodVal {
			return nil
		}
		return sel.X
	}
	return argFor(call, slot-2, s.info)
}

// valueAt tells what e holds at field path field (dot-separated, "" for
// e itself), at position at.
func (s *scope) valueAt(e ast.Expr, field string, at token.Pos, depth int) (argState, int, string) {
	if depth > maxKeyDepth {
		return argUnknown, 0, ""
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		if lit, ok := ast.Unparen(u.X).(*ast.CompositeLit); ok {
			e = lit
		}
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		if field != "" {
			return s.litField(lit, field, at, depth)
		}
		switch s.info.TypeOf(lit).Underlying().(type) {
		case *types.Slice, *types.Map:
			if len(lit.Elts) == 0 {
				return argMissing, 0, "" //   []string{} where the guard is len(keys) == 0
			}
		}
		return argPresent, 0, ""
	}
	if field == "" {
		if st, ok := s.plainValue(e); ok {
			return st, 0, ""
		}
	}
	if slot, f, ok := s.subjectOf(e, at, 0); ok {
		return argPending, slot, joinField(f, field)
	}
	if v := s.localVar(e); v != nil {
		if before := s.defsBefore(v, at); len(before) == 1 && len(s.defs[v]) == 1 && before[0].rhs != nil {
			return s.valueAt(before[0].rhs, field, at, depth+1)
		}
	}
	return argUnknown, 0, ""
}

// plainValue judges a value without fields: a constant, nil, a function.
func (s *scope) plainValue(e ast.Expr) (argState, bool) {
	if _, ok := e.(*ast.FuncLit); ok {
		return argPresent, true
	}
	if s.isConst(e) {
		if s.isZero(e) {
			return argMissing, true
		}
		return argPresent, true
	}
	var id *ast.Ident
	switch x := e.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	}
	if id != nil {
		if _, ok := s.info.Uses[id].(*types.Func); ok {
			return argPresent, true // a named function
		}
	}
	return argUnknown, false
}

// litField follows field path field into a keyed composite literal: a
// field the literal leaves out is the zero value.
func (s *scope) litField(lit *ast.CompositeLit, field string, at token.Pos, depth int) (argState, int, string) {
	name, rest, _ := strings.Cut(field, ".")
	if _, ok := s.info.TypeOf(lit).Underlying().(*types.Struct); !ok {
		return argUnknown, 0, ""
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return argUnknown, 0, "" // positional fields
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
			return s.valueAt(kv.Value, rest, at, depth+1)
		}
	}
	return argMissing, 0, ""
}

func joinField(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "." + b
}
