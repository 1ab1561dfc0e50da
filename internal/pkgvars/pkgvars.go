// Package pkgvars finds the initialisers of package-level variables, which
// both helper passes read: envaccess for constant keys and run-once
// functions (var keys = []string{...}, var f = sync.OnceFunc(...)), roots
// for handlers and goroutine bodies held in variables (var work = func()).
package pkgvars

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Initializers maps each package-level variable of files declared with a
// value of its own (var a, b = x, y; not var a, b = f()) to that value.
func Initializers(info *types.Info, files []*ast.File) map[*types.Var]ast.Expr {
	vars := map[*types.Var]ast.Expr{}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Names) != len(vs.Values) {
					continue
				}
				for i, id := range vs.Names {
					if v, ok := info.Defs[id].(*types.Var); ok {
						vars[v] = vs.Values[i]
					}
				}
			}
		}
	}
	return vars
}
