package envaccess

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/passes/roots"
)

// This file summarises what the goroutines a function leaves running do to
// the environment (its background), so that a caller's concurrent region
// races only with what runs alongside it (issue 13, section 3):
//
//	caddy.TrapSignals()          // leaves a signal loop running: reads nothing
//	os.Setenv(k, v)              // nothing running can see it: no race
//	srv.Start()                  // leaves a loop running that reads APP_MODE
//	os.Setenv("APP_MODE", "x")   // a race with that loop
//
// The background of a function of this package is what the roots it
// starts itself access (go statements, spawner calls, handlers it
// registers), with the backgrounds of the starters it calls; that of an
// imported one comes from its Background fact. A function whose
// goroutines touch nothing has no fact: its background is empty.

// Background is the fact exported for a function that leaves goroutines
// running (a Starts fact of the roots pass) when those goroutines reach
// the environment: their accesses, deduplicated and sorted as a Summary's.
type Background struct {
	Accesses []Access
}

// AFact marks Background as an analysis fact.
func (*Background) AFact() {}

// String lists the accesses, e.g. "background(envRead(APP_MODE))".
func (b *Background) String() string {
	parts := make([]string, len(b.Accesses))
	for i := range b.Accesses {
		parts[i] = b.Accesses[i].String()
	}
	return "background(" + strings.Join(parts, " ") + ")"
}

// Background returns what the goroutines fn leaves running access: for a
// function of this package, what the roots it starts and the starters it
// calls reach; for an imported one, its Background fact.
func (r *Result) Background(fn *types.Func) []Access {
	return r.st.background(fn.Origin(), map[*types.Func]bool{})
}

func (st *state) background(fn *types.Func, visiting map[*types.Func]bool) []Access {
	if acc, ok := st.bg[fn]; ok {
		return acc
	}
	if fn.Pkg() != st.pass.Pkg {
		var fact Background
		var acc []Access
		if st.pass.ImportObjectFact(fn, &fact) {
			acc = fact.Accesses
		}
		st.bg[fn] = acc
		return acc
	}
	b := st.bodies[fn]
	if b == nil || visiting[fn] {
		return nil
	}
	visiting[fn] = true
	defer delete(visiting, fn)
	out := newSet()
	for _, r := range st.roots.Roots {
		if r.Kind == roots.MainAfterGo || r.Kind == roots.ParallelTest || r.Pos < b.block.Pos() || r.Pos >= b.block.End() {
			continue
		}
		for _, a := range st.rootAccesses(r) {
			out.add(a)
		}
	}
	ast.Inspect(b.block, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		// An imported callee has a Background fact only if it leaves
		// goroutines running; a local one must be a starter.
		callee := typeutil.StaticCallee(st.info, call)
		if callee != nil && callee.Origin() != fn && (callee.Pkg() != st.pass.Pkg || st.roots.Starts(callee)) {
			for _, a := range st.background(callee.Origin(), visiting) {
				out.add(a)
			}
		}
		return true
	})
	acc := out.sorted()
	st.bg[fn] = acc
	return acc
}

// rootAccesses returns the summary of a root's body.
func (st *state) rootAccesses(r *roots.Root) []Access {
	var b *body
	switch {
	case r.Lit != nil:
		b = st.lits[r.Lit]
	case r.Block != nil:
		b = st.blocks[r.Block]
	case r.Func != nil && r.Func.Pkg() != st.pass.Pkg:
		return st.importedSummary(r.Func) // go otherpkg.Loop()
	case r.Func != nil:
		b = st.bodies[r.Func]
	}
	if b == nil {
		return nil
	}
	return st.accessesOf(b)
}

// exportBackgrounds exports a Background fact for each function of the
// package that leaves goroutines running which reach the environment, and
// reports whether it exported any.
func (st *state) exportBackgrounds() bool {
	any := false
	for _, b := range st.order {
		if b.fn == nil || !st.roots.Starts(b.fn) {
			continue
		}
		if acc := st.background(b.fn, map[*types.Func]bool{}); len(acc) > 0 {
			st.pass.ExportObjectFact(b.fn, &Background{Accesses: factAccesses(acc)})
			any = true
		}
	}
	return any
}
