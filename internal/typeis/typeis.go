// Package typeis answers "is this type the named type pkg.Name?", the
// question every credlint pass asks of net/http, context and testing types.
package typeis

import "go/types"

// Named reports whether t (through aliases) is the named type pkg.name.
func Named(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == name && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg
}

// PointerTo reports whether t (through aliases) is *pkg.name.
func PointerTo(t types.Type, pkg, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && Named(p.Elem(), pkg, name)
}
