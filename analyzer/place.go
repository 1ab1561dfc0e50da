package analyzer

import (
	"go/token"
	"go/types"

	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// place picks where a finding is reported, inside the analysed package:
// at the deepest call on the witness path whose enclosing function only
// ever runs concurrently, which is the access itself when every function on
// the way is such a function, and otherwise the call in the root that
// leads to it. So a helper used only by handlers is reported at its
// os.Setenv, while a helper main also calls (envOr("API_KEY")) is reported
// where the handler calls it.
//
//	handler ─► putenv ─► os.Setenv        reported at os.Setenv
//	handler ─► envOr  ─► os.Getenv        reported at the envOr call
//	  main ──┘
func (c *checker) place(r *roots.Root, a envaccess.Access) token.Pos {
	path := a.Path
	if len(path) == 0 {
		return token.NoPos
	}
	best := path[0].Pos()
	if !best.IsValid() {
		// The root's body is in another package and the whole path with
		// it: report where this package starts it (go lib.Worker(),
		// mux.HandleFunc("/", handlers.Index)).
		return r.Pos
	}
	last := len(path)
	if a.Elided > 0 {
		last-- // hops before the access were dropped: its caller is unknown
	}
	for i := 1; i < last; i++ {
		fn := path[i-1].Func()
		if fn == nil || !path[i].Pos().IsValid() || c.generated(path[i].Pos()) || !c.alwaysConcurrent(fn) {
			break
		}
		best = path[i].Pos()
	}
	return best
}

// generated reports whether pos is in a generated file. Placement never
// moves a finding into one, since the reporter drops findings there: a
// generated helper called from a hand-written handler is reported at the
// handler's call.
func (c *checker) generated(pos token.Pos) bool {
	if c.gen == nil {
		c.gen = map[*token.File]bool{}
		for _, f := range c.pass.Files {
			if IsGenerated(c.pass.Fset, f) {
				c.gen[c.pass.Fset.File(f.Pos())] = true
			}
		}
	}
	return c.gen[c.pass.Fset.File(pos)]
}

// alwaysConcurrent reports whether every execution of fn is on a concurrent
// path: fn is a root, or an unexported function of this package whose
// callers are all such functions or root literals. Recursion counts as
// not concurrent (conservative).
func (c *checker) alwaysConcurrent(fn *types.Func) bool {
	fn = fn.Origin()
	const unknown, yes, no, busy = 0, 1, 2, 3
	switch c.always[fn] {
	case yes:
		return true
	case no, busy:
		return false
	}
	c.always[fn] = busy
	ok := c.computeAlways(fn)
	c.always[fn] = no
	if ok {
		c.always[fn] = yes
	}
	return ok
}

func (c *checker) computeAlways(fn *types.Func) bool {
	if fn.Pkg() != c.pass.Pkg {
		return false
	}
	if len(c.roots.FuncRoots(fn)) > 0 {
		return true
	}
	if fn.Exported() || fn.Name() == "main" || fn.Name() == "init" {
		return false
	}
	callers := c.env.Callers(fn)
	if len(callers) == 0 {
		return false
	}
	for _, cl := range callers {
		if cl.Lit != nil {
			continue // a root literal
		}
		if cl.Func == nil || !c.alwaysConcurrent(cl.Func) {
			return false
		}
	}
	return true
}
