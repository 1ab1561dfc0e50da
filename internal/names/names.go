// Package names renders functions for diagnostics and facts: short, stable
// and free of positions, e.g. "(*server).ServeHTTP", "providers.Status",
// "(*os/exec.Cmd).Run" shortened to "(*exec.Cmd).Run".
package names

import (
	"go/types"
	"strings"
	"sync"
)

// Func renders fn relative to the package from (nil means fully qualified by
// package name): a function of from is bare ("lookup"), one of another
// package is prefixed with its package name ("os.Getenv"), and a method shows
// its receiver ("(*server).ServeHTTP", "(*exec.Cmd).Run").
func Func(fn *types.Func, from *types.Package) string {
	fn = fn.Origin()
	sig, _ := fn.Type().(*types.Signature)
	qual := func(p *types.Package) string {
		if p == from {
			return ""
		}
		return p.Name()
	}
	if sig != nil && sig.Recv() != nil {
		recv := sig.Recv().Type()
		ptr := ""
		if p, ok := recv.(*types.Pointer); ok {
			recv, ptr = p.Elem(), "*"
		}
		if named, ok := recv.(*types.Named); ok {
			name := named.Obj().Name()
			if q := qual(named.Obj().Pkg()); q != "" {
				name = q + "." + name
			}
			return "(" + ptr + name + ")." + fn.Name()
		}
		// A method of an interface or of an unnamed type: name the method.
		return types.TypeString(recv, qual) + "." + fn.Name()
	}
	if fn.Pkg() == nil || fn.Pkg() == from {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// Short drops everything up to the last dot of a display name:
// "(*server).ServeHTTP" becomes "ServeHTTP", "providers.Status" "Status".
func Short(display string) string {
	if i := strings.LastIndex(display, "."); i >= 0 {
		return display[i+1:]
	}
	return display
}

// fullNames memoizes Full: types.Func.FullName builds its string anew on
// every call, and the passes look up every callee of every call in their
// tables by it.
var fullNames sync.Map // *types.Func -> string

// Full returns fn.FullName() ("os.Getenv", "(*os/exec.Cmd).Run"), computed
// once per function object.
func Full(fn *types.Func) string {
	if s, ok := fullNames.Load(fn); ok {
		return s.(string)
	}
	s := fn.FullName()
	fullNames.Store(fn, s)
	return s
}
