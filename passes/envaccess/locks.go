package envaccess

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/types/typeutil"
)

// This file approximates the locks held at each access, so that the
// analyzer can tell a swap of a variable under a mutex that every reader
// also holds from one that some reader does not.
//
// The approximation, per function body, by statement lists:
//
//   - a statement x.Lock() or x.RLock() (sync.Mutex, sync.RWMutex, also
//     promoted from an embedded field) holds x from its end to the first
//     later statement of the same list that is x.Unlock() or x.RUnlock(),
//     or to the end of the list (so `defer x.Unlock()` holds it to the end
//     of the function). An Unlock inside a nested block (an early return)
//     does not end the region: the code after that block still holds x.
//     A Lock inside a nested block holds only to the end of that block.
//   - a lock is named by what it is, not by which value it is: a
//     package-level variable by its qualified name, a struct field by the
//     named type and the field ("(pkg.T).mu"), so all values of T share one
//     lock; a local variable by its declaration. Locks we cannot name (a
//     mutex in a map, a returned *sync.Mutex) are not tracked: the access
//     then holds nothing, which can only add findings.
//   - the locks an access holds are those held at every call on its path
//     (the union along one path) and, across paths to the same site, only
//     those held on all of them (the intersection): a must-hold lockset.
//   - a function literal started as a goroutine holds nothing of the code
//     that started it.

// lockFuncs are the methods that take and release a lock, by FullName.
var (
	lockFuncs = map[string]bool{
		"(*sync.Mutex).Lock":    true,
		"(*sync.RWMutex).Lock":  true,
		"(*sync.RWMutex).RLock": true,
	}
	unlockFuncs = map[string]bool{
		"(*sync.Mutex).Unlock":    true,
		"(*sync.RWMutex).Unlock":  true,
		"(*sync.RWMutex).RUnlock": true,
	}
)

// A lockRegion is a stretch of source that holds one lock.
type lockRegion struct {
	from, to token.Pos
	id       string
}

// lockRegions finds the regions of every statement list in the package.
func (st *state) lockRegions() []lockRegion {
	var out []lockRegion
	for _, f := range st.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BlockStmt:
				out = st.listRegions(out, n.List, n.End())
			case *ast.CaseClause:
				out = st.listRegions(out, n.Body, n.End())
			case *ast.CommClause:
				out = st.listRegions(out, n.Body, n.End())
			}
			return true
		})
	}
	return out
}

func (st *state) listRegions(out []lockRegion, list []ast.Stmt, end token.Pos) []lockRegion {
	for i, s := range list {
		id, lock := st.lockCall(s)
		if !lock || id == "" {
			continue
		}
		r := lockRegion{from: s.End(), to: end, id: id}
		for _, later := range list[i+1:] {
			if uid, lock := st.lockCall(later); !lock && uid == id {
				r.to = later.Pos()
				break
			}
		}
		out = append(out, r)
	}
	return out
}

// lockCall returns the lock a statement takes (lock true) or releases
// (lock false); "" when it does neither or the lock has no name.
func (st *state) lockCall(s ast.Stmt) (id string, lock bool) {
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
	name := fn.FullName()
	if !lockFuncs[name] && !unlockFuncs[name] {
		return "", false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	return st.lockID(sel), lockFuncs[name]
}

// lockID names the mutex that sel's method is called on.
func (st *state) lockID(sel *ast.SelectorExpr) string {
	if s := st.info.Selections[sel]; s != nil && len(s.Index()) > 1 {
		// x.Lock() promoted from an embedded mutex: name the embedding
		// type and the field path.
		id := namedType(s.Recv())
		if id == "" {
			return ""
		}
		t := s.Recv()
		for _, i := range s.Index()[:len(s.Index())-1] {
			f := fieldAt(t, i)
			if f == nil {
				return ""
			}
			id += "." + f.Name()
			t = f.Type()
		}
		return id
	}
	return st.exprID(sel.X)
}

func (st *state) exprID(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return st.exprID(e.X)
		}
	case *ast.Ident:
		return st.varID(st.info.Uses[e])
	case *ast.SelectorExpr:
		if s := st.info.Selections[e]; s != nil {
			if s.Kind() != types.FieldVal {
				return ""
			}
			if owner := namedType(s.Recv()); owner != "" {
				return "(" + owner + ")." + e.Sel.Name
			}
			return ""
		}
		return st.varID(st.info.Uses[e.Sel]) // pkg.Mu
	}
	return ""
}

func (st *state) varID(obj types.Object) string {
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() == nil {
		return ""
	}
	if v.Parent() == v.Pkg().Scope() {
		return v.Pkg().Path() + "." + v.Name()
	}
	return "local " + v.Name() + "@" + st.at(v.Pos())
}

// namedType returns "pkg/path.T" for T or *T, or "".
func namedType(t types.Type) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
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
// itself (a root literal inherits nothing from the code around it).
func (st *state) held(b *body, pos token.Pos) []string {
	var ids []string
	for _, r := range st.locks {
		if r.from >= b.block.Pos() && r.to <= b.block.End() && r.from <= pos && pos < r.to {
			ids = append(ids, r.id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	sort.Strings(ids)
	return slices.Compact(ids)
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
