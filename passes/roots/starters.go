package roots

// This file learns which functions leave a goroutine running when they
// return (the Starts bit of the Spawner fact), so that a call of one
// starts a concurrent region in its caller as a go statement does:
//
//	func (s *Server) Start() { go s.loop() }             // starts
//	func Deploy() <-chan Status { ...; go func() {...}(); return ch } // starts
//	func (c *Cmd) Execute() { s.Start(); run() }         // starts: through a callee
//	func Grouped(f func() error) error { g.Go(f); return g.Wait() } // joined: no
//	func Equal(x, y T) bool { go detect(c, x, y); return <-c }       // joined by the receive (joins.go): no
//	func Serve(l net.Listener) { for { go handle(accept(l)) } }      // serves: no
//	func Run() error { go watch(); return http.ListenAndServe(a, h) } // serves: no

import (
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/names"
)

// learnStarters marks the functions of the package that leave a goroutine
// running, and those that end by serving, iterating over callers until
// nothing changes. The standard library is skipped: its own goroutines
// (context propagation, signal delivery, a child process's I/O copying,
// connection pools) run none of the program's code, and its servers block;
// the functions of it that run the program's code in a goroutine are the
// known spawners.
func (f *finder) learnStarters() {
	if f.inGOROOT() {
		return
	}
	bodies := map[*types.Func]*ast.BlockStmt{}
	callers := map[*types.Func][]*types.Func{}
	var work []*types.Func
	for _, file := range f.pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := f.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			bodies[fn] = fd.Body
			work = append(work, fn)
			for _, callee := range f.localCallees(fd.Body) {
				callers[callee] = append(callers[callee], fn)
			}
		}
	}
	for len(work) > 0 {
		fn := work[0]
		work = work[1:]
		body := bodies[fn]
		f.declLits = LocalFuncLits(f.pass.TypesInfo, body)
		f.joins = f.recvJoins(body)
		changed := false
		if !f.res.serves[fn] && f.endsServing(body) {
			f.res.serves[fn], changed = true, true
		}
		if !f.res.starts[fn] && !f.res.serves[fn] && f.leavesRunning(body) {
			f.res.starts[fn], changed = true, true
		}
		if changed {
			work = append(work, callers[fn]...)
		}
	}
}

// localCallees returns the functions of this package that body calls.
func (f *finder) localCallees(body *ast.BlockStmt) []*types.Func {
	var out []*types.Func
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn := typeutil.StaticCallee(f.pass.TypesInfo, call); fn != nil && fn.Pkg() == f.pass.Pkg {
				out = append(out, fn.Origin())
			}
		}
		return true
	})
	return out
}

// leavesRunning reports whether body may return with a goroutine it
// started still running: a start that no later statement joins. Starts
// inside an unconditional loop (an accept loop) do not count: such a
// function returns only when it stops serving. Calls of spawners that are
// not known to leave a goroutine running themselves (a pool's Submit hands
// a task to workers started elsewhere) do not count either.
func (f *finder) leavesRunning(body *ast.BlockStmt) bool {
	running := runSet{}
	for _, s := range body.List {
		for _, e := range f.events(s) {
			if e.start && (e.forever || e.spawnOnly) {
				continue
			}
			running.apply(e)
		}
	}
	return len(running) > 0
}

// endsServing reports whether the last statement of body that calls
// anything (after it, only returns of plain values) calls a serving
// function on body's own goroutine, or blocks forever:
//
//	return http.ListenAndServe(addr, h)
//	log.Fatal(srv.ListenAndServe())
//	if err := e.Run(addr); err != nil { ... }
//	<-make(chan struct{})       // nothing can send on it
//	select {}
//
// Such a function never returns while what it started runs, so a call of
// it starts no region in its caller.
func (f *finder) endsServing(body *ast.BlockStmt) bool {
	for i := len(body.List) - 1; i >= 0; i-- {
		s := body.List[i]
		if r, ok := s.(*ast.ReturnStmt); ok && !hasCall(r) {
			continue
		}
		return f.callsServing(s) || f.blocksForever(s)
	}
	return false
}

// blocksForever reports whether s never completes: an empty select, or a
// receive from a channel made in place, on which nothing can send.
func (f *finder) blocksForever(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.SelectStmt:
		return len(s.Body.List) == 0
	case *ast.ExprStmt:
		u, ok := ast.Unparen(s.X).(*ast.UnaryExpr)
		if !ok || u.Op != token.ARROW {
			return false
		}
		call, ok := ast.Unparen(u.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		if !ok {
			return false
		}
		_, builtin := f.pass.TypesInfo.Uses[id].(*types.Builtin)
		return builtin && id.Name == "make"
	}
	return false
}

func hasCall(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if _, ok := n.(*ast.CallExpr); ok {
			found = true
		}
		return !found
	})
	return found
}

// callsServing reports whether s calls a serving function, outside go
// statements, deferred calls and function literals.
func (f *finder) callsServing(s ast.Stmt) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt, *ast.DeferStmt, *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if fn := typeutil.StaticCallee(f.pass.TypesInfo, n); fn != nil && f.servesCall(fn) {
				found = true
			}
		}
		return !found
	})
	return found
}

// servesCall reports whether a call of fn blocks serving requests until
// the server stops: ListenAndServe and friends (servingCalls), and the
// functions of this package that end by calling one (a router's Run).
func (f *finder) servesCall(fn *types.Func) bool {
	fn = fn.Origin()
	return servingCalls[names.Full(fn)] || f.res.serves[fn]
}

// inGOROOT reports whether the package is in the standard library's
// source tree.
func (f *finder) inGOROOT() bool {
	if len(f.pass.Files) == 0 {
		return false
	}
	root := build.Default.GOROOT
	name := f.pass.Fset.Position(f.pass.Files[0].Pos()).Filename
	return root != "" && strings.HasPrefix(name, filepath.Join(root, "src")+string(filepath.Separator))
}
