package envaccess

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/names"
)

// This file approximates the locks held at each access, so that the
// analyzer can tell a swap of a variable under a mutex that every reader
// also holds from one that some reader does not.
//
// The approximation, per function body, by statement lists:
//
//   - a statement x.Lock() or x.RLock() (sync.Mutex, sync.RWMutex, also
//     promoted from an embedded field; a labelled statement too) holds x
//     from its end to the first later statement of the same list that
//     releases it, or to the end of the list (so `defer x.Unlock()` holds
//     it to the end of the function);
//   - an Unlock in a nested block (an early return) releases x from there
//     to the end of that block, and the code after the block still holds
//     it; a Lock in a nested block holds only to the end of that block;
//   - a deferred call runs when the function returns, so it holds only the
//     locks held at the end of the function body;
//   - only mutexes that every concurrent caller shares are named: a
//     package-level variable ("pkg.mu"), a field or embedded mutex of one
//     ("pkg.state.mu"). A mutex in a local variable, a parameter, or a
//     field reached through one (the receiver s.mu: each value of the type
//     has its own) is not tracked: it may serialise nothing, so an access
//     under it holds nothing, which can only add findings;
//   - RLock is recorded as a read lock ("R pkg.mu"): it protects a read
//     against writers that hold the lock, never a write;
//   - the locks an access holds are those held at every call on its path
//     (the union along one path) and, across paths to the same site, only
//     those held on all of them (the intersection): a must-hold lockset;
//   - a function literal started as a goroutine holds nothing of the code
//     that started it; a lock released by a helper (s.unlock()) is not
//     seen, so the region runs on (documented in docs/rules.md).

// lockFuncs are the methods that take and release a lock, by FullName.
var (
	lockFuncs = map[string]bool{
		"(*sync.Mutex).Lock":    true,
		"(*sync.RWMutex).Lock":  true,
		"(*sync.RWMutex).RLock": true,
	}
	readLockFuncs = map[string]bool{
		"(*sync.RWMutex).RLock": true,
	}
	unlockFuncs = map[string]bool{
		"(*sync.Mutex).Unlock":    true,
		"(*sync.RWMutex).Unlock":  true,
		"(*sync.RWMutex).RUnlock": true,
	}
)

// A lockRegion is a stretch of source that holds one lock (read lock when
// id starts with "R "). A hole is a stretch that releases one (id without
// the "R "): after an Unlock in a nested block, to the end of that block.
type lockRegion struct {
	from, to token.Pos
	id       string
}

// lockInfo is what lockRegions finds in the package.
type lockInfo struct {
	regions, holes []lockRegion
	defers         []lockRegion // the extent of each defer statement (id unused)
	deferUnlocks   []lockRegion // defer x.Unlock(): from is the statement
	lits           []lockRegion // function literals not called where written
}

// lockRegions finds the regions, holes, defers and literals of the package.
func (st *state) lockRegions() *lockInfo {
	li := &lockInfo{}
	for _, f := range st.pass.Files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			switch n := n.(type) {
			case *ast.BlockStmt:
				st.listRegions(li, n.List, n.End())
			case *ast.CaseClause:
				st.listRegions(li, n.Body, n.End())
			case *ast.CommClause:
				st.listRegions(li, n.Body, n.End())
			case *ast.DeferStmt:
				li.defers = append(li.defers, lockRegion{from: n.Pos(), to: n.End()})
				if id, lock := st.lockCall(&ast.ExprStmt{X: n.Call}); id != "" && !lock {
					li.deferUnlocks = append(li.deferUnlocks, lockRegion{from: n.Pos(), to: n.End(), id: id})
				}
			case *ast.FuncLit:
				if len(stack) == 0 || !calledHere(stack[len(stack)-1], n) {
					li.lits = append(li.lits, lockRegion{from: n.Pos(), to: n.End()})
				}
			case *ast.ExprStmt:
				if id, lock := st.lockCall(n); id != "" && !lock {
					li.holes = append(li.holes, fallThroughHoles(stack, n, id)...)
				}
			}
			stack = append(stack, n)
			return true
		})
	}
	return li
}

// calledHere reports whether parent calls lit where it is written:
// func() { ... }().
func calledHere(parent ast.Node, lit *ast.FuncLit) bool {
	call, ok := parent.(*ast.CallExpr)
	return ok && ast.Unparen(call.Fun) == lit
}

// fallThroughHoles returns where an Unlock statement u, nested in the
// statements of stack, releases its lock beyond its own list: when that
// list can fall through (it does not end in return, break, continue, goto
// or panic), the rest of the enclosing list after the compound statement
// holding it, and so on outwards, up to the enclosing function.
func fallThroughHoles(stack []ast.Node, u ast.Stmt, id string) []lockRegion {
	var out []lockRegion
	inner := ast.Node(u)
	for i := len(stack) - 1; i >= 0; i-- {
		var list []ast.Stmt
		var end token.Pos
		switch n := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return out
		case *ast.BlockStmt:
			list, end = n.List, n.End()
		case *ast.CaseClause:
			list, end = n.Body, n.End()
		case *ast.CommClause:
			list, end = n.Body, n.End()
		default:
			inner = n
			continue
		}
		if inner != u { // the list holding u itself is listRegions' hole
			out = append(out, lockRegion{from: inner.End(), to: end, id: id})
		}
		if len(list) > 0 && terminates(list[len(list)-1]) {
			return out
		}
		inner = stack[i]
	}
	return out
}

// terminates reports whether control never falls through s.
func terminates(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := s.X.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}

func (st *state) listRegions(li *lockInfo, list []ast.Stmt, end token.Pos) {
	for i, s := range list {
		id, lock := st.lockCall(s)
		if id == "" {
			continue
		}
		if !lock {
			li.holes = append(li.holes, lockRegion{from: s.End(), to: end, id: id})
			continue
		}
		r := lockRegion{from: s.End(), to: end, id: id}
		for _, later := range list[i+1:] {
			if uid, lock := st.lockCall(later); !lock && uid == strings.TrimPrefix(id, "R ") {
				r.to = later.Pos()
				break
			}
		}
		li.regions = append(li.regions, r)
	}
}

// lockCall returns the lock a statement takes (lock true) or releases
// (lock false); "" when it does neither or the lock has no name.
func (st *state) lockCall(s ast.Stmt) (id string, lock bool) {
	for {
		l, ok := s.(*ast.LabeledStmt)
		if !ok {
			break
		}
		s = l.Stmt
	}
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return "", false
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	if !ok {
		return "", false
	}
	fn, ok := typeutil.Callee(st.info, call).(*types.Func)
	if !ok {
		return "", false
	}
	name := names.Full(fn)
	if !lockFuncs[name] && !unlockFuncs[name] {
		return "", false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	id = st.lockID(sel)
	if id != "" && readLockFuncs[name] {
		id = "R " + id
	}
	return id, lockFuncs[name]
}

// lockID names the mutex that sel's method is called on, or "" when it is
// not one every caller shares (see the approximation above).
func (st *state) lockID(sel *ast.SelectorExpr) string {
	base := st.exprID(sel.X)
	if base == "" {
		return ""
	}
	if s := st.info.Selections[sel]; s != nil && len(s.Index()) > 1 {
		// gd.Lock() promoted from an embedded mutex: name the field path.
		t := s.Recv()
		for _, i := range s.Index()[:len(s.Index())-1] {
			f := fieldAt(t, i)
			if f == nil {
				return ""
			}
			base += "." + f.Name()
			t = f.Type()
		}
	}
	return base
}

// exprID names a package-level variable, or a field path rooted at one.
func (st *state) exprID(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return st.exprID(e.X)
		}
	case *ast.StarExpr:
		return st.exprID(e.X) // (*p).Lock() on a package-level pointer
	case *ast.Ident:
		return st.varID(st.info.Uses[e])
	case *ast.SelectorExpr:
		if s := st.info.Selections[e]; s != nil {
			if s.Kind() != types.FieldVal {
				return ""
			}
			if base := st.exprID(e.X); base != "" {
				return base + "." + e.Sel.Name
			}
			return ""
		}
		return st.varID(st.info.Uses[e.Sel]) // pkg.Mu
	}
	return ""
}

// varID names a package-level variable; locals and parameters are not
// shared by every caller, so they get no name.
func (st *state) varID(obj types.Object) string {
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() == nil || v.IsField() || v.Pkg().Scope().Lookup(v.Name()) != v {
		return "" // not package-level (imported ones have no Parent)
	}
	return v.Pkg().Path() + "." + v.Name()
}

func fieldAt(t types.Type, i int) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok || i >= s.NumFields() {
		return nil
	}
	return s.Field(i)
}

// held returns the locks held at pos in b, sorted: those of regions in b
// itself (a root literal inherits nothing from the code around it) that no
// later Unlock in a nested block released; in a defer statement, those
// still held where b ends.
func (st *state) held(b *body, pos token.Pos) []string {
	li := st.locks
	if li == nil {
		return nil
	}
	inBody := func(r lockRegion) bool { return r.from >= b.block.Pos() && r.to <= b.block.End() }
	// A literal that is not called where it is written (stored, passed on,
	// called later) holds only the locks it takes itself.
	from := b.block.Pos()
	for _, l := range li.lits {
		if l.from > b.block.Pos() && l.to <= b.block.End() && l.from <= pos && pos < l.to && l.from > from {
			from = l.from
		}
	}
	var deferred lockRegion // the defer statement holding pos, if any
	for _, d := range li.defers {
		if d.from <= pos && pos < d.to && inBody(d) && d.from >= from {
			deferred = d
			break
		}
	}
	var ids []string
	for _, r := range li.regions {
		at := pos
		outside := deferred.from.IsValid() && (r.from < deferred.from || r.to > deferred.to)
		if outside {
			at = b.block.End() - 1 // the deferred call runs at return
		}
		if !inBody(r) || r.from < from || at < r.from || at >= r.to || li.released(r, at) {
			continue
		}
		if outside && li.unlockedBeforeReturn(b, r.id, deferred.from) {
			continue
		}
		ids = append(ids, r.id)
	}
	if len(ids) == 0 {
		return nil
	}
	sort.Strings(ids)
	return slices.Compact(ids)
}

// unlockedBeforeReturn reports whether the lock id may be released before a
// call deferred at pos runs: an Unlock statement anywhere in b (a return
// path may take it), or a defer x.Unlock() written after pos (deferred
// calls run last first).
func (li *lockInfo) unlockedBeforeReturn(b *body, id string, pos token.Pos) bool {
	id = strings.TrimPrefix(id, "R ")
	for _, h := range li.holes {
		if h.id == id && h.from >= b.block.Pos() && h.from < b.block.End() {
			return true
		}
	}
	for _, d := range li.deferUnlocks {
		if d.id == id && d.from > pos && d.from < b.block.End() {
			return true
		}
	}
	return false
}

// released reports whether an Unlock inside r, before pos, releases r's
// lock at pos.
func (li *lockInfo) released(r lockRegion, pos token.Pos) bool {
	id := strings.TrimPrefix(r.id, "R ")
	for _, h := range li.holes {
		if h.id == id && r.from < h.from && h.from <= pos && pos < h.to {
			return true
		}
	}
	return false
}

// unionLocks returns the sorted union of two sorted locksets.
func unionLocks(a, b []string) []string {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := append(append([]string(nil), a...), b...)
	sort.Strings(out)
	return slices.Compact(out)
}

// intersectLocks returns the sorted locks in both a and b.
func intersectLocks(a, b []string) []string {
	var out []string
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			out = append(out, x)
		}
	}
	return out
}
