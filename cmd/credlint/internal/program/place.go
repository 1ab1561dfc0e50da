package program

import (
	"go/token"
	"go/types"
	"strings"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// This file places the whole-program findings, by the rule docs/rules.md
// states once for both placements ("Where a finding is placed"):
//
//   - a write is placed at the write;
//   - any other finding at the deepest call on its path whose enclosing
//     function only ever runs concurrently, which is where the analyzer
//     (go vet's placement) puts it inside the root's package: a helper
//     that main or a serial test also calls (envOr("API_KEY")), or an
//     exported function of the root's package (a library's Render called
//     by its parallel tests), keeps the finding at the call into it;
//   - the whole-program view goes further than go vet can only where the
//     path leaves the root's package from code that is not a test: there
//     it follows the path to the access, the code of the package that
//     reads.
//
// In every case an access outside the module stays where the path leaves
// the module, and nothing is placed in a generated file.
//
//	handler ─► putenv ─► os.Setenv          at os.Setenv (a write)
//	handler ─► envOr  ─► os.Getenv          at the envOr call (main calls envOr too)
//	  main ──┘
//	parallel test ─► Render ─► os.ExpandEnv  at the Render call (test code into the code under test)
//	handler ─► providers.Status ─► lookup ─► os.Getenv   at os.Getenv (another package of the module)

// placeAnchor returns where the pair of root r and access a, from entry
// e, is reported.
func (p *Program) placeAnchor(e *entry, r *roots.Root, a envaccess.Access) anchor {
	if a.Kind == envaccess.Write {
		return p.pathAnchor(a.Path)
	}
	i := placedHop(a.Path, e.d.Pos)
	if i < 0 || i == len(a.Path)-1 || p.followsOut(e.u, a.Path[i]) || !p.ix.atAnchorable(a.Path[i].At) {
		return p.pathAnchor(a.Path)
	}
	h := a.Path[i]
	return anchor{h.At, h.Callee, h.Pos()}
}

// placedHop returns the index of the hop of path the analyzer placed its
// diagnostic at, or -1 when it placed it at the root (whose body is in
// another package).
func placedHop(path []envaccess.Hop, pos token.Pos) int {
	for i, h := range path {
		if h.Pos().IsValid() && h.Pos() == pos {
			return i
		}
	}
	return -1
}

// followsOut reports whether the whole-program placement goes past hop h,
// where the analyzer stopped: h calls a function of another package (or
// one this process does not know), and h is not in test code. A test
// calling the code under test is where the test runs it concurrently; the
// code itself is not at fault (cases 07 and 08).
func (p *Program) followsOut(u *Unit, h envaccess.Hop) bool {
	if fn := h.Func(); fn != nil && samePackage(fn, u.Pkg.Types) {
		return false
	}
	return !strings.HasSuffix(u.Pkg.Fset.Position(h.Pos()).Filename, "_test.go")
}

func samePackage(fn *types.Func, pkg *types.Package) bool {
	return fn.Pkg() != nil && pkg != nil && fn.Pkg().Path() == pkg.Path()
}

// pathAnchor returns where a path leaves the module: the access when it
// is in the module, else the last call in the module, never in a
// generated file.
func (p *Program) pathAnchor(path []envaccess.Hop) anchor {
	for i := len(path) - 1; i >= 0; i-- {
		if p.ix.atAnchorable(path[i].At) {
			return anchor{path[i].At, path[i].Callee, path[i].Pos()}
		}
	}
	return anchor{path[0].At, path[0].Callee, path[0].Pos()}
}

// frameAnchor is pathAnchor for a witness read from related information.
func (p *Program) frameAnchor(frames []output.Frame) anchor {
	hops := frames[1:]
	for i := len(hops) - 1; i >= 0; i-- {
		if p.ix.anchorable(hops[i].Posn.Filename) {
			return anchor{p.ix.atOf(hops[i].Posn), hops[i].Function, p.ix.posOf(hops[i].Posn)}
		}
	}
	return anchor{p.ix.atOf(hops[0].Posn), hops[0].Function, p.ix.posOf(hops[0].Posn)}
}
