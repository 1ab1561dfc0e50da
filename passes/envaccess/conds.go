package envaccess

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/names"
)

// This file reads conditions (guards.go): what a condition tells about a
// fallback guard or a key constraint when it is true or false, and which
// parameter or receiver field a tested value is.

func (s *scope) constNames(list []ast.Expr) ([]string, bool) {
	var out []string
	for _, e := range list {
		tv, ok := s.info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return nil, false
		}
		out = append(out, constant.StringVal(tv.Value))
	}
	return out, true
}

// condsOf returns what e tells when it evaluates to truth; at is the
// position of the statement that tests it.
func (s *scope) condsOf(e ast.Expr, truth bool, at token.Pos) []cond {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return s.condsOf(e.X, !truth, at)
		}
	case *ast.BinaryExpr:
		switch {
		case e.Op == token.LAND && truth, e.Op == token.LOR && !truth:
			return append(s.condsOf(e.X, truth, at), s.condsOf(e.Y, truth, at)...)
		case e.Op == token.EQL || e.Op == token.NEQ:
			return s.compare(e, (e.Op == token.EQL) == truth, at)
		case e.Op == token.GTR && !truth: //   len(x) > 0 is false
			if s.isZero(e.Y) {
				return s.missing(e.X, at)
			}
		}
	case *ast.CallExpr:
		if truth {
			return s.prefixCond(e)
		}
	case *ast.Ident:
		if !truth {
			return s.notFound(e)
		}
		return s.switchOn(e, at)
	case *ast.SelectorExpr:
		if truth {
			return s.switchOn(e, at)
		}
	}
	return nil
}

// switchOn is the guard "x is true" when x is a boolean parameter, the
// receiver's boolean field or a parameter's: if unsetEnvironment { ... },
// if opts.Unset { ... }, and if !p { return } before the access.
func (s *scope) switchOn(x ast.Expr, at token.Pos) []cond {
	tv, ok := s.info.Types[x]
	if !ok || tv.Value != nil || tv.Type == nil {
		return nil
	}
	if b, ok := tv.Type.Underlying().(*types.Basic); !ok || b.Info()&types.IsBoolean == 0 {
		return nil
	}
	slot, field, ok := s.subjectOf(x, at, 0)
	if !ok {
		return nil
	}
	return []cond{{guard: Guard{Slot: slot, Field: field, Text: types.ExprString(x), Set: true}}}
}

// compare handles x == c (eq) or x != c (!eq) for a constant or nil c.
func (s *scope) compare(e *ast.BinaryExpr, eq bool, at token.Pos) []cond {
	x, c := e.X, e.Y
	if !s.isConst(c) {
		x, c = c, x
	}
	if !s.isConst(c) {
		return nil
	}
	if v := s.info.Types[c].Value; v != nil && v.Kind() == constant.Bool {
		if eq == constant.BoolVal(v) { //   p == true, p != false
			return s.switchOn(x, at)
		}
		return s.missing(x, at) //   p == false, p != true
	}
	if s.isZero(c) {
		if eq {
			return s.missing(x, at)
		}
		return nil
	}
	tv := s.info.Types[c]
	if !eq || tv.Value == nil || tv.Value.Kind() != constant.String {
		return nil
	}
	if v := s.localVar(x); v != nil {
		return []cond{{v: v, consts: []string{constant.StringVal(tv.Value)}}}
	}
	return nil
}

func (s *scope) isConst(e ast.Expr) bool {
	tv, ok := s.info.Types[e]
	return ok && (tv.Value != nil || tv.IsNil())
}

// isZero reports whether e is nil or a constant zero value ("", 0, false).
func (s *scope) isZero(e ast.Expr) bool {
	tv, ok := s.info.Types[e]
	if !ok {
		return false
	}
	if tv.IsNil() {
		return true
	}
	switch v := tv.Value; {
	case v == nil:
		return false
	case v.Kind() == constant.Bool:
		return !constant.BoolVal(v)
	case v.Kind() == constant.String:
		return constant.StringVal(v) == ""
	case v.Kind() == constant.Int, v.Kind() == constant.Float:
		return constant.Sign(v) == 0
	}
	return false
}

// missing is the guard "x is missing" when x is a parameter, the receiver
// or a field of one (len(x) == 0 counts as x missing).
func (s *scope) missing(x ast.Expr, at token.Pos) []cond {
	text := x
	if call, ok := ast.Unparen(x).(*ast.CallExpr); ok && len(call.Args) == 1 {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "len" {
			x = call.Args[0]
		}
	}
	slot, field, ok := s.subjectOf(x, at, 0)
	if !ok {
		return nil
	}
	zero := "nil"
	if tv, ok := s.info.Types[x]; ok {
		if b, ok := tv.Type.Underlying().(*types.Basic); ok {
			switch {
			case b.Info()&types.IsString != 0:
				zero = `""`
			case b.Info()&types.IsBoolean != 0:
				zero = "false"
			default:
				zero = "0"
			}
		}
	}
	if text != x {
		zero = "0" // len(x) == 0
	}
	return []cond{{guard: Guard{Slot: slot, Field: field, Text: types.ExprString(text) + " == " + zero}}}
}

// notFound is the guard "!ok" of v, ok := x.Get(k) or x.m[k], when x is a
// parameter, the receiver or a field of one. Passing a value does not say
// that it holds k, so the guard only marks the access as a fallback.
func (s *scope) notFound(id *ast.Ident) []cond {
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	var x ast.Expr
	switch src := ast.Unparen(s.guards.okFrom[v]).(type) {
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(src.Fun).(*ast.SelectorExpr); ok && s.info.Selections[sel] != nil {
			x = sel.X
		}
	case *ast.IndexExpr:
		x = src.X
	}
	if x == nil {
		return nil
	}
	if _, _, ok := s.subjectOf(x, id.Pos(), 0); !ok {
		return nil
	}
	text := types.ExprString(ast.Unparen(s.guards.okFrom[v]))
	if call, ok := ast.Unparen(s.guards.okFrom[v]).(*ast.CallExpr); ok {
		text = types.ExprString(call.Fun) + "(...)"
	}
	return []cond{{guard: Guard{Text: text + " finds nothing"}}}
}

// prefixCond is strings.HasPrefix(k, "APP_") for a variable k.
func (s *scope) prefixCond(call *ast.CallExpr) []cond {
	fn, ok := typeutil.Callee(s.info, call).(*types.Func)
	if !ok || names.Full(fn) != "strings.HasPrefix" || len(call.Args) != 2 {
		return nil
	}
	tv, ok := s.info.Types[call.Args[1]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String || constant.StringVal(tv.Value) == "" {
		return nil
	}
	if v := s.localVar(call.Args[0]); v != nil {
		return []cond{{v: v, prefix: constant.StringVal(tv.Value)}}
	}
	return nil
}

// localVar returns the variable e names, when it is a local or a parameter.
func (s *scope) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// subjectOf resolves a value tested at position at to the receiver (slot
// 1) or a parameter (slot 2+i) of the function, and the field path within
// it: opts.Token is (2, "Token") for a first parameter opts. A parameter
// assigned before at, and a local with more than one definition before
// at, are not subjects.
func (s *scope) subjectOf(e ast.Expr, at token.Pos, depth int) (int, string, bool) {
	if depth > maxKeyDepth {
		return 0, "", false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.StarExpr:
		return s.subjectOf(e.X, at, depth+1)
	case *ast.SelectorExpr:
		sel := s.info.Selections[e]
		if sel == nil || sel.Kind() != types.FieldVal {
			return 0, "", false
		}
		slot, field, ok := s.subjectOf(e.X, at, depth+1)
		if field != "" {
			field += "."
		}
		return slot, field + e.Sel.Name, ok
	case *ast.Ident:
		v, ok := s.info.Uses[e].(*types.Var)
		if !ok {
			return 0, "", false
		}
		before := s.defsBefore(v, at)
		slot := 0
		switch {
		case v == s.recv:
			slot = 1
		case s.paramIndex(v) >= 0:
			slot = 2 + s.paramIndex(v)
		case len(before) == 1 && before[0].rhs != nil:
			return s.subjectOf(before[0].rhs, at, depth+1)
		}
		return slot, "", slot > 0 && len(before) == 0
	}
	return 0, "", false
}

// defsBefore returns the definitions of v that may run before at: those
// above it, and those below it in a loop around both.
func (s *scope) defsBefore(v *types.Var, at token.Pos) []def {
	var out []def
	for _, d := range s.defs[v] {
		if d.pos < at || d.loopPos <= at && at < d.loopEnd {
			out = append(out, d)
		}
	}
	return out
}
