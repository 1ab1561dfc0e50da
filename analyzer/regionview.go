package analyzer

import (
	"go/ast"
	"go/token"

	"github.com/credlint/credlint/internal/names"
	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// This file decides what an access in a concurrent region (the statements
// of a function after it starts a goroutine) runs alongside: what was
// started before the access's statement, not what the function starts
// later (issue 13, K5):
//
//	caddy.TrapSignals()      // another package's signal loop: reads nothing
//	loadEnvFile()            // writes computed names: nothing running sees them
//	go watchConfig()         // reads CONFIG_PATH, but starts after the write
//
// A region's access races with the goroutines and handlers of its group
// (never another region: withoutRegions), less the roots the region's own
// body starts after the access's statement, plus the goroutines that the
// starters called before it leave running (their Background), which run
// another package's code the group does not show.

// regionView is what runs alongside an access of a region: the group it
// races with, and whether a start before it runs code not in view.
type regionView struct {
	g      *group
	opaque bool
}

// cutoff is a point of an access's call path in a body of this package:
// the roots that body starts after the statement holding the call (from
// end to the body's end) are not running yet when the access runs.
type cutoff struct {
	at, end, bodyEnd token.Pos // the call, its statement's end, the body's end
}

// cutoffs returns the cutoffs of a's path: one in each body of this
// package the path runs through, the region's own first.
func (c *checker) cutoffs(r *roots.Root, a envaccess.Access) []cutoff {
	if r.Body == nil || len(a.Path) == 0 || !a.Path[0].Pos().IsValid() {
		return nil
	}
	p := a.Path[0].Pos()
	first := cutoff{at: p, end: stmtEnd(r.Block.List, p), bodyEnd: r.Body.End()}
	if r.Block != nil && roots.IsDeferred(r.Block, p) {
		// A deferred call runs at the return: after every start of the
		// body, and beside whatever is still running then.
		first.at, first.end = first.bodyEnd, first.bodyEnd
	}
	out := []cutoff{first}
	for _, h := range a.Path[1:] {
		if p := h.Pos(); p.IsValid() {
			if body := c.enclosingBody(p); body != nil {
				out = append(out, cutoff{at: p, end: stmtEnd(body.List, p), bodyEnd: body.End()})
			}
		}
	}
	return out
}

// stmtEnd returns the end of the statement of list that holds p, or the
// end of the list.
func stmtEnd(list []ast.Stmt, p token.Pos) token.Pos {
	for _, s := range list {
		if s.Pos() <= p && p < s.End() {
			return s.End()
		}
	}
	return list[len(list)-1].End()
}

// enclosingBody returns the body of the innermost function declaration
// or literal of the package that holds p, or nil.
func (c *checker) enclosingBody(p token.Pos) *ast.BlockStmt {
	if b, ok := c.bodies[p]; ok {
		return b
	}
	var body *ast.BlockStmt
	for _, f := range c.pass.Files {
		if f.Pos() > p || p >= f.End() {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil || n.Pos() > p || p >= n.End() {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncDecl:
				body = n.Body
			case *ast.FuncLit:
				body = n.Body
			}
			return true
		})
	}
	if body != nil && len(body.List) == 0 {
		body = nil
	}
	c.bodies[p] = body
	return body
}

// startedAfter reports whether root o is started, in a body of the
// access's path, after the statement that leads to the access: a
// goroutine or handler that cannot run yet when the access runs.
func startedAfter(cuts []cutoff, o *roots.Root) bool {
	for _, k := range cuts {
		if o.Pos >= k.end && o.Pos < k.bodyEnd {
			return true
		}
	}
	return false
}

// apart reports whether w cannot run alongside root r: w is a region's
// access made before r starts (notYetStarted), or a test's region's
// access and r a goroutine or handler of the non-test code. A test runs
// only what it starts, and a start of the test that leads to r is seen
// from the region's side, through the starter's Background (testregion.go,
// K8); the non-test code's own roots never run beside a test's statements
// otherwise (a test's deferred os.Unsetenv is not a write of the program's
// goroutines, issue 13).
func (c *checker) apart(w rootAccess, r *roots.Root) bool {
	if w.root.Kind == roots.MainAfterGo && inTestFile(c.pass.Fset, w.root.Pos) && !inTestFile(c.pass.Fset, r.Pos) {
		return true
	}
	return c.notYetStarted(w, r)
}

// notYetStarted reports whether w, a region's access, runs before root r
// is started, so that r cannot race with it.
func (c *checker) notYetStarted(w rootAccess, r *roots.Root) bool {
	return w.root.Kind == roots.MainAfterGo && startedAfter(c.cutoffs(w.root, w.access), r)
}

// regionGroup returns the view of region r at access a, built from base
// (the group less regions).
func (c *checker) regionGroup(r *roots.Root, a envaccess.Access, base *group) regionView {
	cuts := c.cutoffs(r, a)
	g := &group{byKey: map[string][]int{}}
	for _, o := range base.all {
		if !startedAfter(cuts, o.root) {
			g.all = append(g.all, o)
		}
	}
	for _, w := range base.writes {
		if !startedAfter(cuts, w.root) {
			g.addWrite(w)
		}
	}
	v := regionView{g: g}
	for i, s := range r.Starts {
		if !runningAt(s, cuts) {
			continue
		}
		v.opaque = v.opaque || s.Opaque
		if s.Func == nil {
			continue // a root of this package, in base
		}
		bg := c.backgroundRoot(r, i)
		for _, acc := range c.env.Background(s.Func) {
			g.all = append(g.all, rootAccess{bg, acc})
			if acc.Kind == envaccess.Write {
				g.addWrite(rootAccess{bg, acc})
			}
		}
	}
	return v
}

// runningAt reports whether start s of a region runs when an access with
// cutoffs cuts does: it comes before the access's call, or a loop of the
// same statement repeats both. With no position known, every start does.
func runningAt(s roots.Start, cuts []cutoff) bool {
	if len(cuts) == 0 {
		return true
	}
	return s.Pos < cuts[0].at || s.Loop && s.Pos < cuts[0].end
}

// backgroundRoot stands for the goroutines that start i of region r
// leaves running, named after the function called.
func (c *checker) backgroundRoot(r *roots.Root, i int) *roots.Root {
	k := startKey{r, i}
	if b, ok := c.bgRoots[k]; ok {
		return b
	}
	s := r.Starts[i]
	name := names.Func(s.Func, c.pass.Pkg)
	b := &roots.Root{Kind: roots.Goroutine, Func: s.Func, Pos: s.Pos, Via: name, Name: name}
	c.bgRoots[k] = b
	return b
}

// startKey identifies one start of a region.
type startKey struct {
	root *roots.Root
	i    int
}
