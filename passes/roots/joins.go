package roots

// This file finds goroutines joined by a channel receive before the
// function that starts them goes on (go-cmp's Equal, issue 13 K11):
//
//	c := make(chan bool)
//	go detect(c, x)       // detect's last action is c <- ok
//	got := <-c            // detect has finished: nothing is left running
//
// The goroutine must signal last: its one send on the channel (or its
// close) is the last statement of its body or of its first deferred
// literal, so that the receive returns only when the goroutine is done.
// The receive must follow the go statement in the same statement list
// with no return or branch between them, and be the statement itself: a
// receive in one branch of an if, or in a select with other cases, does
// not join. A range over the channel joins a goroutine that closes it.

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// signal is a channel through which a goroutine says it is done.
type signal struct {
	ch    *types.Var // the channel, as the starting function names it
	send  bool       // the goroutine's last action is its only send on ch
	close bool       // the goroutine's last action closes ch, after no send
	drain bool       // the goroutine's last action closes ch (a range drains it)
}

// recvJoins maps each go statement of body that a later receive joins, and
// that receiving statement, to a key of their own: events records the go
// statement as a start under the key and the receive as its join.
func (f *finder) recvJoins(body *ast.BlockStmt) map[ast.Node]string {
	out := map[ast.Node]string{}
	ast.Inspect(body, func(n ast.Node) bool {
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		}
		for i, s := range list {
			g, ok := s.(*ast.GoStmt)
			if !ok {
				continue
			}
			for _, sig := range f.signals(g) {
				if r := joiningRecv(f.pass.TypesInfo, list[i+1:], sig); r != nil {
					key := fmt.Sprintf("<-%s@%d", sig.ch.Name(), g.Pos())
					out[g], out[r] = key, key
					break
				}
			}
		}
		return true
	})
	return out
}

// signals returns the channels of the starting function that g's
// goroutine signals on last: a channel argument of a literal or of a
// function of this package, or a channel a literal captures.
func (f *finder) signals(g *ast.GoStmt) []signal {
	info := f.pass.TypesInfo
	var body *ast.BlockStmt
	var params *types.Tuple
	switch fun := ast.Unparen(g.Call.Fun).(type) {
	case *ast.FuncLit:
		body = fun.Body
		if sig, ok := info.TypeOf(fun).(*types.Signature); ok {
			params = sig.Params()
		}
	default:
		fn := typeutil.StaticCallee(info, g.Call)
		if fn == nil || fn.Pkg() != f.pass.Pkg {
			return nil
		}
		fd := f.funcDecl(fn.Origin())
		if fd == nil {
			return nil
		}
		body = fd.Body
		params = fn.Origin().Signature().Params() // the declaration's parameters
	}
	var out []signal
	add := func(outer, inner *types.Var) {
		if s, ok := lastSignal(info, body, inner); ok {
			s.ch = outer
			out = append(out, s)
		}
	}
	for i, a := range g.Call.Args {
		if v := chanVar(info, a); v != nil && params != nil && i < params.Len() {
			add(v, params.At(i))
		}
	}
	if _, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit); ok {
		for _, v := range capturedChans(info, body) {
			add(v, v)
		}
	}
	return out
}

// funcDecl returns the declaration of fn, a function of this package.
func (f *finder) funcDecl(fn *types.Func) *ast.FuncDecl {
	if f.decls == nil {
		f.decls = map[*types.Func]*ast.FuncDecl{}
		for _, file := range f.pass.Files {
			for _, d := range file.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					if def, ok := f.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
						f.decls[def] = fd
					}
				}
			}
		}
	}
	return f.decls[fn]
}

// chanVar returns the variable of channel type that e names, or nil.
func chanVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() {
		return nil
	}
	if _, ok := v.Type().Underlying().(*types.Chan); !ok {
		return nil
	}
	return v
}

// capturedChans returns the channel variables body uses that are declared
// outside it.
func capturedChans(info *types.Info, body *ast.BlockStmt) []*types.Var {
	var out []*types.Var
	seen := map[*types.Var]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			v := chanVar(info, id)
			if v != nil && !seen[v] && (v.Pos() < body.Pos() || v.Pos() > body.End()) {
				seen[v] = true
				out = append(out, v)
			}
		}
		return true
	})
	return out
}

// lastSignal reports how body, a goroutine's, signals on ch as its last
// action: the last statement that does anything (trailing plain returns
// aside), or the last statement of the first deferred literal (deferred
// calls run last, the first one deferred after all others), or a first
// deferred close(ch).
func lastSignal(info *types.Info, body *ast.BlockStmt, ch *types.Var) (signal, bool) {
	sends := 0
	ast.Inspect(body, func(n ast.Node) bool {
		if s, ok := n.(*ast.SendStmt); ok && chanVar(info, s.Chan) == ch {
			sends++
		}
		return true
	})
	last := lastAction(body.List)
	if d := firstDefer(body); d != nil {
		last = d.Call
		if lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit); ok && len(d.Call.Args) == 0 {
			last = lastAction(lit.Body.List)
		}
	}
	switch last := last.(type) {
	case *ast.SendStmt:
		if chanVar(info, last.Chan) == ch && sends == 1 {
			return signal{send: true}, true
		}
	case *ast.ExprStmt:
		return closeSignal(info, last.X, ch, sends)
	case *ast.CallExpr:
		return closeSignal(info, last, ch, sends)
	}
	return signal{}, false
}

// closeSignal reports whether e is close(ch).
func closeSignal(info *types.Info, e ast.Expr, ch *types.Var, sends int) (signal, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || chanVar(info, call.Args[0]) != ch {
		return signal{}, false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return signal{}, false
	}
	if b, ok := info.Uses[id].(*types.Builtin); !ok || b.Name() != "close" {
		return signal{}, false
	}
	return signal{close: sends == 0, drain: true}, true
}

// lastAction returns the last statement of list that is not a return of
// plain values, or nil.
func lastAction(list []ast.Stmt) ast.Node {
	for i := len(list) - 1; i >= 0; i-- {
		if r, ok := list[i].(*ast.ReturnStmt); ok && !hasCall(r) {
			continue
		}
		return list[i]
	}
	return nil
}

// firstDefer returns the first defer statement of body outside function
// literals when it is a statement of body itself, or nil.
func firstDefer(body *ast.BlockStmt) *ast.DeferStmt {
	var first *ast.DeferStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			if first == nil {
				first = n
			}
		}
		return first == nil
	})
	for _, s := range body.List {
		if s == first {
			return first
		}
	}
	return nil
}

// joiningRecv returns the first statement of rest that receives from
// sig's channel in a way that joins, provided no statement before it
// returns or branches away, or nil.
func joiningRecv(info *types.Info, rest []ast.Stmt, sig signal) ast.Stmt {
	for _, s := range rest {
		if joinsBy(info, s, sig) {
			return s
		}
		if leaves(s) {
			return nil
		}
	}
	return nil
}

// joinsBy reports whether s itself receives from sig's channel so that
// the goroutine has finished when s completes.
func joinsBy(info *types.Info, s ast.Stmt, sig signal) bool {
	recv := func(e ast.Expr) bool {
		u, ok := ast.Unparen(e).(*ast.UnaryExpr)
		return ok && u.Op == token.ARROW && chanVar(info, u.X) == sig.ch && (sig.send || sig.close)
	}
	switch s := s.(type) {
	case *ast.ExprStmt:
		return recv(s.X)
	case *ast.AssignStmt:
		return len(s.Rhs) == 1 && recv(s.Rhs[0])
	case *ast.DeclStmt:
		if g, ok := s.Decl.(*ast.GenDecl); ok && len(g.Specs) == 1 {
			vs, ok := g.Specs[0].(*ast.ValueSpec)
			return ok && len(vs.Values) == 1 && recv(vs.Values[0])
		}
	case *ast.ReturnStmt:
		for _, r := range s.Results {
			if recv(r) {
				return true
			}
		}
	case *ast.SelectStmt:
		if len(s.Body.List) == 1 {
			cc, ok := s.Body.List[0].(*ast.CommClause)
			return ok && cc.Comm != nil && joinsBy(info, cc.Comm, sig)
		}
	case *ast.RangeStmt:
		return sig.drain && chanVar(info, s.X) == sig.ch
	}
	return false
}

// leaves reports whether s may leave the statement list: a return, a
// branch (break, continue, goto), outside function literals.
func leaves(s ast.Stmt) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt, *ast.BranchStmt:
			found = true
		}
		return !found
	})
	return found
}
