package envaccess

import (
	"go/ast"
	"go/types"
)

// Result answers what functions of the package, and imported ones, do to
// the environment. It is complete when the pass returns; it never imports
// facts afterwards except through the pass that created it.
type Result struct {
	st *state
}

// FuncAccesses returns the accesses of a declared function: its summary
// when it belongs to this package, its Summary fact when imported. Local
// accesses carry positions on the hops inside this package.
func (r *Result) FuncAccesses(fn *types.Func) []Access {
	fn = fn.Origin()
	if b := r.st.bodies[fn]; b != nil {
		return r.st.accessesOf(b)
	}
	if fn.Pkg() == r.st.pass.Pkg || r.st.imported == nil {
		return nil
	}
	return r.st.importedSummary(fn)
}

// FactAccesses returns the accesses of a function of this package whose
// summary is exported as a Summary fact (before the fact's deduplication),
// or nil: what other packages can know of it.
func (r *Result) FactAccesses(fn *types.Func) []Access {
	b := r.st.bodies[fn.Origin()]
	if b == nil || b.comp == nil || b.comp.shared != nil && !b.full {
		return nil
	}
	return b.sum.sorted()
}

// OnceReads returns the reads the summaries leave out because they run at
// most once (inside sync.Once.Do, sync.OnceFunc, sync.OnceValue(s)), each
// with its witness from the function that makes the run-once call.
func (r *Result) OnceReads() []Access {
	if r.st.onceReads == nil {
		return nil
	}
	return r.st.onceReads.sorted()
}

// LitAccesses returns the accesses of a root function literal.
func (r *Result) LitAccesses(lit *ast.FuncLit) []Access {
	if b := r.st.lits[lit]; b != nil {
		return r.st.accessesOf(b)
	}
	return nil
}

// BlockAccesses returns the accesses of a statement-range root.
func (r *Result) BlockAccesses(block *ast.BlockStmt) []Access {
	if b := r.st.blocks[block]; b != nil {
		return r.st.accessesOf(b)
	}
	return nil
}

// Caller is a body of this package that calls a function: a declared
// function, or a root literal.
type Caller struct {
	Func *types.Func
	Lit  *ast.FuncLit
}

// Callers returns the bodies of this package that call fn directly,
// through an interface or function value, or use it as a value.
func (r *Result) Callers(fn *types.Func) []Caller {
	target := r.st.bodies[fn.Origin()]
	if target == nil {
		return nil
	}
	var out []Caller
	for _, b := range r.st.order {
		for _, e := range b.edges {
			if e.callee == target {
				out = append(out, Caller{Func: b.fn, Lit: b.lit})
				break
			}
		}
	}
	return out
}
