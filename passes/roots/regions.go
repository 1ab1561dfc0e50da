package roots

// This file finds concurrent regions: the statements of a function that
// run while goroutines it started are still running (a MainAfterGo root).

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/names"
)

// addRegions adds the concurrent regions of every body of the package that
// is not a root itself: each declared function (main, a test, a function
// main delegates to such as cmd.Execute), and each function literal outside
// those regions (a sequential subtest's body):
//
//	func main() {
//		os.Setenv("A", "1")   // before any goroutine: not concurrent
//		srv.Start()           // leaves a goroutine running (a Starts fact)
//		os.Setenv("A", "2")   // concurrent with it: a region
//		srv.Stop()            // joins what srv started
//		os.Unsetenv("A")      // after the join: not concurrent
//	}
//
// A region starts after a statement that starts a goroutine (a go
// statement, a spawner call, a call of a function that leaves one running)
// and ends before the statement that joins every goroutine started so far:
// a known join (wg.Wait, g.Wait, srv.Shutdown) joins all of them, and
// Wait, Stop, Shutdown or Close on a receiver joins what a method of that
// receiver, or the call whose result it holds, started. When a loop of the
// starting statement starts the goroutine, the statement is in the region
// too: later iterations run alongside the earlier goroutines,
//
//	for _, p := range profiles {
//		os.Setenv("A", p)     // concurrent with the previous iteration's worker
//		go worker()
//	}
//
// unless the statement waits for them itself (wg.Wait() inside the loop).
// A function whose own body is a root (a goroutine, a handler, a parallel
// test) needs no region: all of it is concurrent already, except the
// package's lone parallel test (markLoneParallelTest). The standard
// library gets none: nothing of it is reported.
func (f *finder) addRegions() {
	if f.inGOROOT() {
		return
	}
	for _, file := range f.pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := f.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil || !f.needsRegions(fn) {
				continue
			}
			f.declLits = LocalFuncLits(f.pass.TypesInfo, fd.Body)
			f.joins = f.recvJoins(fd.Body)
			f.declRegions(fd, fn)
		}
	}
}

// needsRegions reports whether fn's body is not all concurrent already:
// it is no root, or only the package's lone parallel test, which runs
// beside no other test.
func (f *finder) needsRegions(fn *types.Func) bool {
	for _, r := range f.res.FuncRoots(fn) {
		if !r.Alone {
			return false
		}
	}
	return true
}

// declRegions adds the regions of fd's body and of the literals in it that
// no region of an enclosing body covers.
func (f *finder) declRegions(fd *ast.FuncDecl, fn *types.Func) {
	name := names.Func(fn, f.pass.Pkg)
	covered := f.bodyRegions(fd.Body, name)
	subtests := f.subtestLits(fd.Body)
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok {
			return true
		}
		if f.res.lits[lit] != nil || within(lit, covered) {
			return false // a root, or run inside a region already
		}
		litName := "func literal in " + name
		if subtests[lit] {
			litName = "subtest of " + fd.Name.Name
		}
		covered = append(covered, f.bodyRegions(lit.Body, litName)...)
		return true
	})
}

// subtestLits returns the literals in body passed to (*testing.T).Run.
func (f *finder) subtestLits(body *ast.BlockStmt) map[*ast.FuncLit]bool {
	out := map[*ast.FuncLit]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 2 && f.isCall(call, "(*testing.T).Run") {
			if lit, ok := ast.Unparen(call.Args[1]).(*ast.FuncLit); ok {
				out[lit] = true
			}
		}
		return true
	})
	return out
}

func within(n ast.Node, blocks []*ast.BlockStmt) bool {
	for _, b := range blocks {
		if b.Pos() <= n.Pos() && n.End() <= b.End() {
			return true
		}
	}
	return false
}

// bodyRegions adds a root for each region of body, named name, and returns
// the regions' blocks. Each region keeps its starts (the opening
// statement's and those of its own statements), so that the checker knows
// what runs alongside each statement.
func (f *finder) bodyRegions(body *ast.BlockStmt, name string) []*ast.BlockStmt {
	stmts := body.List
	var blocks []*ast.BlockStmt
	running := runSet{}
	from, via := -1, ""
	var starts []Start
	var at token.Pos
	flush := func(end int) {
		if from >= 0 && (end > from || end == len(stmts)) {
			// Deferred calls run at the return: in the region open there,
			// wherever they are written, and in no other.
			region := withoutDefers(stmts[from:end])
			if end == len(stmts) {
				region = append(region, deferStmts(stmts)...)
			}
			if block := regionBlock(region); block != nil {
				blocks = append(blocks, block)
				f.res.add(&Root{Kind: MainAfterGo, Block: block, Pos: at, Via: via, Name: name, Body: body, Starts: starts})
			}
		}
		from, starts = -1, nil
	}
	for i, s := range stmts {
		was := len(running) > 0
		var first *event
		var here []Start
		joined := false
		evs := f.events(s)
		for j := range evs {
			if evs[j].start {
				if first == nil {
					first = &evs[j]
				}
				here = append(here, Start{Pos: evs[j].pos, Func: evs[j].fn, Opaque: evs[j].opaque, Loop: evs[j].inLoop})
			}
			joined = running.apply(evs[j]) || joined
		}
		switch now := len(running) > 0; {
		case !was && now:
			at, via, from = regionPos(s, first), first.via, i+1
			if first.inLoop && !joined {
				from = i
			}
			starts = here
		case was && !now:
			flush(i)
		case now:
			starts = append(starts, here...)
		}
	}
	flush(len(stmts))
	return blocks
}

// withoutDefers returns the statements of list that are not defer
// statements, in a new slice.
func withoutDefers(list []ast.Stmt) []ast.Stmt {
	out := make([]ast.Stmt, 0, len(list))
	for _, s := range list {
		if _, ok := s.(*ast.DeferStmt); !ok {
			out = append(out, s)
		}
	}
	return out
}

// deferStmts returns the defer statements of list (issue 13, M1):
//
//	os.Setenv("NOTIFY_SOCKET", sock)
//	defer os.Unsetenv("NOTIFY_SOCKET") // runs at the return, while Run may read it
//	go Run(ctx)
//
// A defer nested in a block (if ... { defer ... }) stays where it is.
func deferStmts(list []ast.Stmt) []ast.Stmt {
	var out []ast.Stmt
	for _, s := range list {
		if _, ok := s.(*ast.DeferStmt); ok {
			out = append(out, s)
		}
	}
	return out
}

// regionBlock returns a block holding a region's statements, or nil when
// there are none. It spans the statements that are not deferred (a
// deferred one may be written before the region starts; the span decides
// which literals a region covers).
func regionBlock(region []ast.Stmt) *ast.BlockStmt {
	if len(region) == 0 {
		return nil
	}
	from, to := region[0].Pos(), region[0].End()
	spanned := false
	for _, s := range region {
		if _, ok := s.(*ast.DeferStmt); ok {
			continue
		}
		if !spanned {
			from, spanned = s.Pos(), true
		}
		to = max(to, s.End())
	}
	return &ast.BlockStmt{Lbrace: from, List: region, Rbrace: to}
}

// IsDeferred reports whether the statement of a region's block that holds
// p is a defer statement: it runs when the function returns, after every
// statement of the region.
func IsDeferred(block *ast.BlockStmt, p token.Pos) bool {
	for _, s := range block.List {
		if _, ok := s.(*ast.DeferStmt); ok && s.Pos() <= p && p < s.End() {
			return true
		}
	}
	return false
}

// regionPos places a region's root at the statement that starts the
// goroutine (a loop that does), or inside it when the statement is the go
// statement or the call: drivers find roots by position, and those are
// already the positions of the goroutine's own root.
func regionPos(s ast.Stmt, first *event) token.Pos {
	if s.Pos() == first.pos {
		return first.own
	}
	return s.Pos()
}

// runSet holds what is running: the keys of the starts not joined yet.
type runSet map[string]bool

// apply records a start or a join, and reports whether it was a join that
// ended something (or a known join, which ends everything).
func (r runSet) apply(e event) bool {
	switch {
	case e.start:
		r[e.key] = true
	case e.all:
		clear(r)
		return true
	case r[e.key]:
		delete(r, e.key)
		return true
	}
	return false
}

// event is a goroutine start or a join in a statement.
type event struct {
	pos token.Pos // where the go statement or call starts
	// own is a position of it that no other root has: the function of a
	// go statement (go worker(), go func() {...}()), a call's parenthesis.
	own   token.Pos
	start bool
	all   bool   // a known join: waits for every goroutine (wg.Wait)
	key   string // the receiver, or the variable the result is assigned to ("srv", "s.pool"), or ""
	via   string // for a start: "go statement" or the starting function's name
	// inLoop: a loop of the statement encloses the start; forever: an
	// unconditional loop (for { ... }) does, as in an accept loop.
	inLoop, forever bool
	// fn: the function called, when it leaves goroutines running (a
	// Starts fact), whose goroutines' accesses envaccess summarises.
	fn *types.Func
	// opaque: the goroutines run code not in view (an interface method
	// that spawns, another package's spawner), neither this package's
	// roots nor a summary.
	opaque bool
	// spawnOnly: the callee runs a function argument in a goroutine (a
	// worker pool's Submit) but is not known to leave one running itself.
	spawnOnly bool
}

// events lists the starts and joins that s performs on its own goroutine,
// in source order: root literals run elsewhere and deferred calls at the
// return, so neither counts.
func (f *finder) events(s ast.Stmt) []event {
	assigned := map[*ast.CallExpr]string{}
	var stack []ast.Node
	var out []event
	add := func(e event) {
		for _, n := range stack {
			switch n := n.(type) {
			case *ast.RangeStmt:
				e.inLoop = true
			case *ast.ForStmt:
				e.inLoop = true
				e.forever = e.forever || n.Cond == nil
			}
		}
		out = append(out, e)
	}
	ast.Inspect(s, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if k, ok := f.joins[n]; ok {
			if _, start := n.(*ast.GoStmt); !start {
				add(event{key: k}) // got := <-c: the goroutine that signals on c is done
			}
		}
		switch n := n.(type) {
		case *ast.DeferStmt:
			return false
		case *ast.FuncLit:
			// A root runs elsewhere; a literal that is not called here
			// (ask := func() {...}, a struct field) runs when called.
			if f.res.lits[n] != nil || !calledHere(stack) {
				return false
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW { // <-done: a goroutine started as done := start() has signalled
				add(event{key: types.ExprString(n.X)})
			}
		case *ast.RangeStmt:
			if _, ok := f.pass.TypesInfo.TypeOf(n.X).Underlying().(*types.Chan); ok {
				add(event{key: types.ExprString(n.X)}) // for s := range ch: its sender has closed it
			}
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 && len(n.Lhs) > 0 {
				if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
					assigned[call] = types.ExprString(n.Lhs[0])
				}
			}
		case *ast.GoStmt:
			key := f.recvKey(n.Call)
			if k, ok := f.joins[n]; ok {
				key = k // joined by a receive (joins.go)
			}
			add(event{pos: n.Pos(), own: n.Call.Fun.Pos(), start: true, key: key, via: "go statement"})
			return false
		case *ast.CallExpr:
			if e, ok := f.callEvent(n, assigned[n]); ok {
				e.pos, e.own = n.Pos(), n.Lparen
				add(e)
			}
		}
		stack = append(stack, n)
		return true
	})
	return out
}

// calledHere reports whether the innermost node of stack (a function
// literal's parent) is a call, which runs the literal now: func() {...}(),
// once.Do(func() {...}), t.Run(name, func(t *testing.T) {...}).
func calledHere(stack []ast.Node) bool {
	if len(stack) == 0 {
		return false
	}
	_, ok := stack[len(stack)-1].(*ast.CallExpr)
	return ok
}

// callEvent classifies a call as a start, a join, or neither (ok false).
func (f *finder) callEvent(call *ast.CallExpr, assigned string) (event, bool) {
	recv := f.recvKey(call)
	key := recv
	if key == "" {
		key = assigned // h := Start(...); h.Stop()
	}
	if f.startsLit(call) {
		return event{start: true, key: key, via: "func literal"}, true // ch := ask("alice")
	}
	if fn := typeutil.StaticCallee(f.pass.TypesInfo, call); fn != nil {
		switch {
		case joinCalls[names.Full(fn.Origin())]:
			return event{all: true, key: recv}, true
		case f.servesCall(fn) || isJobAdder(fn):
			return event{}, false
		case f.res.Starts(fn):
			// Another package's spawner (wg.Go, a pool's Run) leaves
			// workers that may run more than the function handed here:
			// what they touch is not known. A plain starter's goroutines
			// (srv.Start()) run its own code, which its Background fact
			// summarises.
			opaque := fn.Pkg() != f.pass.Pkg && len(f.res.SpawnedParams(fn)) > 0
			return event{start: true, key: key, via: spawnerName(fn, f.pass.Pkg), fn: fn.Origin(), opaque: opaque}, true
		case len(f.res.SpawnedParams(fn)) > 0:
			return event{start: true, key: key, via: spawnerName(fn, f.pass.Pkg), spawnOnly: true}, true
		case recv != "" && joinMethods[fn.Name()]:
			return event{key: recv}, true
		}
		return event{}, false
	}
	m, ok := typeutil.Callee(f.pass.TypesInfo, call).(*types.Func)
	if !ok || !isAbstract(m) {
		return event{}, false
	}
	switch {
	case len(f.ifaceParams(call, m)) > 0:
		return event{start: true, key: key, via: names.Func(m, f.pass.Pkg), opaque: true}, true
	case recv != "" && joinMethods[m.Name()]:
		return event{key: recv}, true
	}
	return event{}, false
}

// startsLit reports whether call runs a local variable bound to one
// literal (ask := func(...) {...}; ask(x)) that leaves a goroutine running.
func (f *finder) startsLit(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || f.litDepth > 2 {
		return false
	}
	v, _ := f.pass.TypesInfo.Uses[id].(*types.Var)
	lit := f.declLits[v]
	if lit == nil || f.res.lits[lit] != nil {
		return false
	}
	f.litDepth++
	defer func() { f.litDepth-- }()
	return f.leavesRunning(lit.Body)
}

// recvKey renders the receiver of a method call ("srv", "s.pool"), or "".
func (f *finder) recvKey(call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if s := f.pass.TypesInfo.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return ""
	}
	return types.ExprString(sel.X)
}
