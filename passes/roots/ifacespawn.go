package roots

import (
	"go/types"
	"slices"
)

// learnIfaceSpawners makes a method of an interface of this package a
// spawner when every implementation in view spawns the same parameter,
//
//	type Group interface{ Go(func() error); Wait() error }
//	func NewGroup(ctx context.Context) Group { g, _ := errgroup.WithContext(ctx); return g }
//	type limited struct{ g *errgroup.Group }
//	func (l *limited) Go(f func() error) { l.g.Go(f) }
//
// so that g.Go(work) through the interface, here or in an importing
// package (through the Spawner fact on Group.Go), makes work a root. The
// implementations in view are the named types of this package and of the
// packages it imports, where a constructor finds what it returns. One that
// does not spawn (a serial Group for tests) keeps the method a plain call.
// It reports whether it changed anything.
func (f *finder) learnIfaceSpawners() bool {
	changed := false
	scope := f.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for i := range iface.NumExplicitMethods() {
			m := iface.ExplicitMethod(i)
			if !hasFuncParam(m) {
				continue
			}
			impls, ok := f.res.impls[iface]
			if !ok {
				impls = f.implementations(iface)
				f.res.impls[iface] = impls // the same in every round
			}
			if params := f.commonSpawned(impls, m); !slices.Equal(params, f.res.spawn[m]) {
				f.res.spawn[m] = params
				changed = true
			}
		}
	}
	return changed
}

func hasFuncParam(m *types.Func) bool {
	params := m.Type().(*types.Signature).Params()
	for i := range params.Len() {
		if isFunc(params.At(i).Type()) {
			return true
		}
	}
	return false
}

// implementations returns the concrete named types (T or *T) of this
// package and its imports that implement iface.
func (f *finder) implementations(iface *types.Interface) []types.Type {
	var out []types.Type
	for _, p := range append([]*types.Package{f.pass.Pkg}, f.pass.Pkg.Imports()...) {
		scope := p.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) {
				continue
			}
			switch {
			case types.Implements(named, iface):
				out = append(out, named)
			case types.Implements(types.NewPointer(named), iface):
				out = append(out, types.NewPointer(named))
			}
		}
	}
	return out
}

// commonSpawned returns the parameters of m that every implementation's
// method spawns, or nil when there is no implementation.
func (f *finder) commonSpawned(impls []types.Type, m *types.Func) []int {
	var common []int
	for i, t := range impls {
		obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
		fn, ok := obj.(*types.Func)
		if !ok {
			return nil
		}
		params := f.res.SpawnedParams(fn)
		if i == 0 {
			common = slices.Clone(params)
			continue
		}
		common = slices.DeleteFunc(common, func(p int) bool { return !slices.Contains(params, p) })
	}
	if len(common) == 0 {
		return nil
	}
	return common
}
