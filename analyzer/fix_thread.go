package analyzer

import (
	"go/ast"
	"go/types"
	"regexp"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/internal/typeis"
)

// This file threads a context through an unexported helper for the read
// and exec fixes (fix.go): a new leading ctx parameter and a context at
// every call, or a name for a context parameter the helper already has.

// threadContext adds a leading ctx context.Context parameter to an
// unexported function and passes a context at each of its calls, when every
// call of it in the package has one in scope and it is only ever called
// (never used as a value, never a method, which could satisfy an interface).
// A function that already has a context parameter, blank or unnamed, gets
// it named ctx instead (see nameContextParam). It declines when the name
// ctx would clash with one the function declares or uses, and when a file
// excluded by build tags may call it. how describes the change for the
// fix message.
func (fx *fixer) threadContext(fn *types.Func) (edits []analysis.TextEdit, how string, ok bool) {
	if fn == nil || fn.Pkg() != fx.pass.Pkg {
		return nil, "", false
	}
	decl := fx.byFunc[fn]
	if decl == nil || fx.mentionsName(decl, "ctx") {
		return nil, "", false
	}
	if edits, ok := fx.nameContextParam(decl); ok {
		return edits, "naming " + fn.Name() + "'s context parameter ctx", true
	}
	if fx.hasContextParam(fn) {
		return nil, "", false // a named one, shadowed where it is needed
	}
	if fn.Exported() || decl.Recv != nil || decl.Type.TypeParams != nil || fx.ignoredFilesMention(fn.Name()) {
		return nil, "", false
	}
	file := fx.files[fx.pass.Fset.File(decl.Pos())]
	ctxPkg, imp, ok := fx.importName(file, "context", "context", decl.Pos())
	if !ok {
		return nil, "", false
	}
	edits = append(imp, paramEdits(decl.Type.Params, "ctx "+ctxPkg+".Context")...)
	calls := 0
	for id, obj := range fx.pass.TypesInfo.Uses {
		if obj != fn {
			continue
		}
		call := fx.callOf(id)
		if call == nil {
			return nil, "", false // used as a value
		}
		ctx := fx.contextAt(call.Pos())
		if ctx == "" {
			return nil, "", false
		}
		arg := ctx
		if len(call.Args) > 0 {
			arg += ", "
		}
		edits = append(edits, analysis.TextEdit{Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(arg)})
		calls++
	}
	return edits, "threading ctx through " + fn.Name(), calls > 0
}

// hasContextParam reports whether fn takes a context.Context.
func (fx *fixer) hasContextParam(fn *types.Func) bool {
	params := fn.Type().(*types.Signature).Params()
	for i := 0; i < params.Len(); i++ {
		if typeis.Named(params.At(i).Type(), "context", "Context") {
			return true
		}
	}
	return false
}

// nameContextParam names ctx the first context parameter of decl when it
// is blank or unnamed, which keeps the signature and every call as they are:
//
//	func f(_ context.Context, k string)  ->  func f(ctx context.Context, k string)
//	func f(context.Context, string)      ->  func f(ctx context.Context, _ string)
//
// It returns no edits and false when the function has no such parameter.
func (fx *fixer) nameContextParam(decl *ast.FuncDecl) ([]analysis.TextEdit, bool) {
	for i, field := range decl.Type.Params.List {
		if !typeis.Named(fx.pass.TypesInfo.TypeOf(field.Type), "context", "Context") {
			continue
		}
		if len(field.Names) == 0 {
			var edits []analysis.TextEdit
			for j, other := range decl.Type.Params.List {
				name := "_ "
				if j == i {
					name = "ctx "
				}
				edits = append(edits, analysis.TextEdit{Pos: other.Pos(), End: other.Pos(), NewText: []byte(name)})
			}
			return edits, true
		}
		for _, id := range field.Names {
			if id.Name == "_" {
				return []analysis.TextEdit{{Pos: id.Pos(), End: id.End(), NewText: []byte("ctx")}}, true
			}
		}
	}
	return nil, false
}

// paramEdits inserts param first in a parameter list. Unnamed parameters
// get the name _, since a list cannot mix named and unnamed ones:
//
//	func f(string, int)  ->  func f(ctx context.Context, _ string, _ int)
func paramEdits(params *ast.FieldList, param string) []analysis.TextEdit {
	if len(params.List) == 0 {
		return []analysis.TextEdit{{Pos: params.Opening + 1, End: params.Opening + 1, NewText: []byte(param)}}
	}
	var edits []analysis.TextEdit
	for i, field := range params.List {
		text := ""
		if i == 0 {
			text = param + ", "
		}
		if len(field.Names) == 0 {
			text += "_ "
		}
		if text != "" {
			edits = append(edits, analysis.TextEdit{Pos: field.Pos(), End: field.Pos(), NewText: []byte(text)})
		}
	}
	return edits
}

// mentionsName reports whether decl declares name, or uses name for
// anything but a field or method (a package-level ctx the body refers to
// would be shadowed by a new parameter ctx).
func (fx *fixer) mentionsName(decl *ast.FuncDecl, name string) bool {
	found := false
	ast.Inspect(decl, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || id.Name != name || id == decl.Name {
			return !found
		}
		obj := fx.pass.TypesInfo.ObjectOf(id)
		switch obj := obj.(type) {
		case *types.Var:
			found = found || !obj.IsField()
		case *types.Func, *types.Label:
			// a method selector or a label: another namespace
		default:
			found = true
		}
		return !found
	})
	return found
}

// ignoredFilesMention reports whether a file of the package that the build
// excludes (by build tags or file name) mentions name: it may call the
// function, and a fix cannot update a call it does not see.
func (fx *fixer) ignoredFilesMention(name string) bool {
	word := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`)
	for _, path := range fx.pass.IgnoredFiles {
		data, err := fx.readFile(path)
		if err != nil || word.Match(data) {
			return true // unreadable: assume it does
		}
	}
	return false
}
