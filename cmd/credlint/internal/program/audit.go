package program

import (
	"go/types"
	"slices"
	"strings"

	"github.com/credlint/credlint/cmd/credlint/internal/audit"
	"github.com/credlint/credlint/internal/names"
	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// Inventory returns credlint audit's inventory of the program: every
// environment variable that the analysed packages' functions read or
// write, directly or through their callees in any package, with the
// functions that make the accesses and the concurrent roots that reach
// them.
//
// A name passed down to a helper (lookup("API_KEY")) is listed under the
// name, as "parameter"; a helper's parameter that no analysed call
// resolves is not listed. A name computed at run time is listed as
// audit.Dynamic, and reads and writes of the whole environment as
// audit.All. Reads that run at most once (sync.Once and friends), which
// findings leave out, are listed too, their accessors marked RunOnce.
func (p *Program) Inventory() *audit.Inventory {
	b := &inventory{p: p, keys: map[string]*audit.Key{}, seen: map[string]int{}, roots: map[string]int{}}
	inv := &audit.Inventory{}
	sdk := &sdkInventory{entries: map[string]*audit.EntryPoint{}, reads: map[string]bool{}, inv: inv}
	for _, u := range p.units {
		if u.Env == nil {
			continue
		}
		if u.Roots != nil {
			for _, r := range u.Roots.Roots {
				for _, a := range u.accesses(r) {
					b.add(u, a, rootHolder(u, r), r, false)
					sdk.add(p, a, true)
				}
			}
		}
		for _, fn := range declaredFuncs(u) {
			for _, a := range u.Env.FuncAccesses(fn) {
				if a.From.IsParam() {
					continue // resolved where the function is called
				}
				b.add(u, a, names.Func(fn, nil), nil, false)
				sdk.add(p, a, false)
			}
		}
		for _, a := range u.Env.OnceReads() {
			if !a.From.IsParam() {
				b.add(u, a, "", nil, true)
			}
		}
	}
	for _, k := range b.keys {
		inv.Keys = append(inv.Keys, *k)
	}
	sdk.finish()
	inv.Sort()
	return inv
}

type inventory struct {
	p     *Program
	keys  map[string]*audit.Key
	seen  map[string]int // index in Key.Accessors of an accessor already listed
	roots map[string]int // index in Key.Roots of a root already listed
}

// add records access a of a function (holder is its display name, or ""
// for the function around the access), reached from root r when r is not
// nil; runOnce marks a read that runs at most once.
func (b *inventory) add(u *Unit, a envaccess.Access, holder string, r *roots.Root, runOnce bool) {
	if len(a.Path) == 0 {
		return
	}
	name, class, named := audit.Dynamic, audit.ClassUnknown, audit.NamedDynamic
	switch a.From {
	case envaccess.KeyConst:
		name, class, named = a.Key, audit.ClassOther, audit.NamedConstant
		if b.p.cfg.IsCredential(a.Key) {
			class = audit.ClassCredential
		}
	case envaccess.KeyAll:
		name, class, named = audit.All, audit.ClassAll, ""
	}
	k := b.keys[name]
	if k == nil {
		k = &audit.Key{Name: name, Class: class}
		b.keys[name] = k
	}
	last := a.Path[len(a.Path)-1]
	frame := b.p.hopFrame(last.At, last.Callee, last.Callee+" called here")
	if h := b.p.ix.holderAt(frame.Posn); h != "" {
		holder = h
	} else if len(a.Path) >= 2 && a.Elided == 0 {
		holder = a.Path[len(a.Path)-2].Callee
	}
	if named == audit.NamedConstant && b.p.ix.paramArg(last.At, last.Callee) {
		named = audit.NamedParameter
	}
	addOnce(&k.Ops, opName(a.Kind))
	if named != "" {
		addOnce(&k.Named, named)
	}
	acc := name + "|" + holder + "|" + a.Op + "|" + frame.Posn.String()
	if i, ok := b.seen[acc]; ok {
		k.Accessors[i].RunOnce = k.Accessors[i].RunOnce || runOnce
	} else {
		b.seen[acc] = len(k.Accessors)
		k.Accessors = append(k.Accessors, audit.Accessor{Function: holder, Op: a.Op, Origin: frame.Origin, Frame: frame, RunOnce: runOnce})
	}
	if r == nil {
		return
	}
	w := b.p.witness(u, r, a)
	id := name + "|" + u.Pkg.PkgPath + "|" + w.Frames[0].Posn.String() + "|" + r.Name
	if i, ok := b.roots[id]; ok {
		if len(w.Frames) < len(k.Roots[i].Frames) {
			k.Roots[i].Frames = w.Frames // keep the shortest witness
		}
		return
	}
	b.roots[id] = len(k.Roots)
	k.Roots = append(k.Roots, audit.Reach{Root: w.Root, Frames: w.Frames})
}

func addOnce(list *[]string, s string) {
	if !slices.Contains(*list, s) {
		*list = append(*list, s)
	}
}

func opName(k envaccess.Kind) string {
	switch k {
	case envaccess.Read:
		return "read"
	case envaccess.Write:
		return "write"
	case envaccess.Inherit:
		return "inherit"
	case envaccess.TestSetenv:
		return "t.Setenv"
	}
	return "access"
}

// rootHolder names a root's body as a function: "app.worker",
// "func literal in app.Start".
func rootHolder(u *Unit, r *roots.Root) string {
	if r.Func != nil {
		return names.Func(r.Func, nil)
	}
	where, ok := strings.CutPrefix(r.Name, "func literal in ")
	if !ok {
		return qualify(r.Name, u.Pkg.Types.Name())
	}
	return "func literal in " + qualify(where, u.Pkg.Types.Name())
}

// declaredFuncs returns the functions and methods declared in u's
// package, in source order.
func declaredFuncs(u *Unit) []*types.Func {
	var fns []*types.Func
	for _, obj := range u.Pkg.TypesInfo.Defs {
		if fn, ok := obj.(*types.Func); ok && fn.Pkg() == u.Pkg.Types {
			fns = append(fns, fn)
		}
	}
	slices.SortFunc(fns, func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	return fns
}
