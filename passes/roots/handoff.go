package roots

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
)

// Worker pools hand a task to a goroutine that already runs, through a
// channel or an interface, rather than starting one per task:
//
//	func (w *goWorker) inputFunc(fn func()) { w.task <- fn }      // ants
//	func (w *goWorker) run() { go func() { for fn := range w.task { fn() } }() }
//	func (p *Pool) Submit(task func()) error { ...; w.inputFunc(task) } // w is an interface
//
// Both are learned as spawners here, by shape and not per library: a
// function parameter sent on a channel whose received values the package
// calls runs on the receiving goroutine, and an interface method call
// spawns the arguments that some implementation in the package spawns.

// noteSend records a function value sent on a channel of functions.
func (f *finder) noteSend(s *ast.SendStmt) {
	if isFunc(f.pass.TypesInfo.TypeOf(s.Value)) {
		f.sends = append(f.sends, started{f.decl, s.Value})
	}
}

// noteReceive records the locals bound to a function received from a
// channel: for fn := range ch, fn := <-ch, fn, ok := <-ch.
func (f *finder) noteReceive(n ast.Node) {
	info := f.pass.TypesInfo
	bind := func(lhs ast.Expr) {
		if id, ok := lhs.(*ast.Ident); ok {
			if v, ok := info.ObjectOf(id).(*types.Var); ok && isFunc(v.Type()) {
				f.recvVars[v] = true
			}
		}
	}
	switch n := n.(type) {
	case *ast.RangeStmt:
		if t := info.TypeOf(n.X); t != nil && n.Key != nil {
			if _, ok := t.Underlying().(*types.Chan); ok {
				bind(n.Key)
			}
		}
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 && isRecv(n.Rhs[0]) && len(n.Lhs) > 0 {
			bind(n.Lhs[0])
		}
	case *ast.ValueSpec:
		if len(n.Values) == 1 && isRecv(n.Values[0]) && len(n.Names) > 0 {
			bind(n.Names[0])
		}
	}
}

func isRecv(e ast.Expr) bool {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW
}

// noteDrained records the type of a function received from a channel and
// called: fn() on a received local, or (<-ch)().
func (f *finder) noteDrained(call *ast.CallExpr) {
	info := f.pass.TypesInfo
	fun := ast.Unparen(call.Fun)
	if id, ok := fun.(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); !ok || !f.recvVars[v] {
			return
		}
	} else if !isRecv(fun) {
		return
	}
	f.drained = append(f.drained, info.TypeOf(fun))
}

// drainedSends keeps the sends whose channel carries a type the package
// calls after receiving it.
func (f *finder) drainedSends() []started {
	var out []started
	for _, s := range f.sends {
		t := f.pass.TypesInfo.TypeOf(s.expr)
		for _, d := range f.drained {
			if d != nil && types.Identical(t, d) {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// ifaceParams returns the argument indexes that an interface method call
// spawns: those of its own Spawner fact or learned set (every
// implementation in view spawns them; ifacespawn.go), and those of
// ifaceSpawned.
func (f *finder) ifaceParams(call *ast.CallExpr, m *types.Func) []int {
	own := f.res.SpawnedParams(m)
	if len(own) == 0 {
		return f.ifaceSpawned(call, m)
	}
	out := slices.Clone(own)
	for _, p := range f.ifaceSpawned(call, m) {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	sort.Ints(out)
	return out
}

// ifaceSpawned returns the argument indexes that an interface method call
// spawns: those that a method of that name, of a type of this package that
// implements the receiver's interface, spawns.
func (f *finder) ifaceSpawned(call *ast.CallExpr, m *types.Func) []int {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	iface, ok := f.pass.TypesInfo.TypeOf(sel.X).Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	set := map[int]bool{}
	for fn, params := range f.res.spawn {
		sig := fn.Type().(*types.Signature)
		if fn.Name() != m.Name() || sig.Recv() == nil || types.IsInterface(sig.Recv().Type()) {
			continue
		}
		if types.Implements(sig.Recv().Type(), iface) {
			for _, p := range params {
				set[p] = true
			}
		}
	}
	out := make([]int, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Ints(out)
	return out
}
