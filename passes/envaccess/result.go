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
		return b.sum.sorted()
	}
	if fn.Pkg() == r.st.pass.Pkg || r.st.imported == nil {
		return nil
	}
	return r.st.importedSummary(fn)
}

// LitAccesses returns the accesses of a root function literal.
func (r *Result) LitAccesses(lit *ast.FuncLit) []Access {
	if b := r.st.lits[lit]; b != nil {
		return b.sum.sorted()
	}
	return nil
}

// BlockAccesses returns the accesses of a statement-range root.
func (r *Result) BlockAccesses(block *ast.BlockStmt) []Access {
	if b := r.st.blocks[block]; b != nil {
		return b.sum.sorted()
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
