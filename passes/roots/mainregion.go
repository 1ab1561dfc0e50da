package roots

// This file finds main's concurrent region: the statements of main that
// run while the goroutines it started do (a MainAfterGo root).

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/names"
)

// mainRegion adds the statements of main that run while its goroutines do:
//
//	func main() {
//		os.Setenv("A", "1")   // before any goroutine: not concurrent
//		go worker()
//		os.Setenv("A", "2")   // concurrent with worker: a root
//		wg.Wait()
//		os.Unsetenv("A")      // after the join: not concurrent
//	}
//
// The region starts after the first top-level statement that starts a
// goroutine and ends at the first later one that waits for goroutines. When
// a loop of that statement starts the goroutine, the statement is in the
// region too: later iterations run alongside the earlier goroutines,
//
//	for _, p := range profiles {
//		os.Setenv("A", p)     // concurrent with the previous iteration's worker
//		go worker()
//	}
//
// unless the statement waits for them itself (wg.Wait() inside the loop).
func (f *finder) mainRegion(d *ast.FuncDecl) {
	stmts := d.Body.List
	start, inLoop := -1, false
	for i, s := range stmts {
		var goPos token.Pos
		if goPos, inLoop = f.goroutineStart(s); goPos.IsValid() {
			start = i
			break
		}
	}
	if start < 0 {
		return
	}
	end := len(stmts)
	for j := start + 1; j < len(stmts); j++ {
		if f.containsCall(stmts[j], joinCalls) {
			end = j
			break
		}
	}
	from := start + 1
	if inLoop && !f.containsCall(stmts[start], joinCalls) {
		from = start
	}
	region := stmts[from:end]
	if len(region) == 0 {
		return
	}
	block := &ast.BlockStmt{Lbrace: region[0].Pos(), List: region, Rbrace: region[len(region)-1].End()}
	// The root is placed at the statement that starts the goroutine, not at
	// the go statement: drivers find roots by position, and the go
	// statement is already the position of the goroutine's own root.
	f.res.add(&Root{Kind: MainAfterGo, Block: block, Pos: stmts[start].Pos(), Via: "go statement", Name: "main"})
}

// goroutineStart returns the position of the first go statement, spawner
// call or scheduler start in s, and whether a loop of s encloses it.
func (f *finder) goroutineStart(s ast.Stmt) (pos token.Pos, inLoop bool) {
	var loops []ast.Node
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			loops = append(loops, n)
		case *ast.GoStmt:
			pos = n.Pos()
		case *ast.CallExpr:
			// A scheduler's AddFunc only registers a job (its Spawner
			// fact notwithstanding); the scheduler's Start starts it.
			if fn := typeutil.StaticCallee(f.pass.TypesInfo, n); fn != nil && !isJobAdder(fn) &&
				(len(f.res.SpawnedParams(fn)) > 0 || goroutineStarters[names.Full(fn.Origin())]) {
				pos = n.Pos()
			}
		}
		return !pos.IsValid()
	})
	for _, l := range loops {
		if pos.IsValid() && l.Pos() < pos && pos < l.End() {
			inLoop = true
		}
	}
	return pos, inLoop
}

// containsCall reports whether s calls one of funcs on main's own
// goroutine: a call inside a literal (go func() { wg.Wait(); close(ch) }())
// or a deferred one (defer wg.Wait()) waits later or elsewhere.
func (f *finder) containsCall(s ast.Stmt, funcs map[string]bool) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit, *ast.DeferStmt:
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			if fn := typeutil.StaticCallee(f.pass.TypesInfo, call); fn != nil && funcs[names.Full(fn.Origin())] {
				found = true
			}
		}
		return !found
	})
	return found
}
