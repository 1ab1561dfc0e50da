package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/credlint/credlint/internal/sdks"
	"github.com/credlint/credlint/passes/envaccess"
)

// This file builds the fix of a credential read inside an SDK whose entry
// point has a row in sdks.Table (issue 14): the call gets the adapter's
// options from the context and is otherwise unchanged,
//
//	openai.NewClient(a, b)            ->  openai.NewClient(openaienv.With(ctx, a, b)...)
//	openai.NewClient(opts...)         ->  openai.NewClient(openaienv.With(ctx, opts...)...)
//	config.LoadDefaultConfig(ctx)     ->  config.LoadDefaultConfig(ctx, awsenv.With(ctx)...)
//	azidentity.NewDefaultAzureCredential(o)  ->  azureenv.NewDefaultAzureCredential(ctx, o)
//
// with a context found or threaded as for the read fixes. Without a
// profile in the context the adapter adds nothing, so the fix keeps
// behaviour until middleware attaches one.

// sdkFix returns the fix for a read through an SDK call with a row, or nil.
func (fx *fixer) sdkFix(f *finding, h sdkHop) []analysis.SuggestedFix {
	if h.adapter {
		return nil // the adapter's wrapper is called already
	}
	pos := f.access.Path[h.index].Pos()
	call := fx.sdk.at(pos, h.fn)
	file := fx.files[fx.pass.Fset.File(pos)]
	if call == nil || file == nil || ast.IsGenerated(file) || h.entry.PassesAdapter(fx.pass.TypesInfo, call) {
		return nil
	}
	holder := f.root.Func
	if h.index > 0 {
		holder = f.access.Path[h.index-1].Func()
	}
	var edit func(ctx, name string) []analysis.TextEdit
	switch h.entry.How {
	case sdks.Spread:
		edit = spreadEdits(call, h)
	case sdks.Wrap:
		edit = fx.wrapEdits(call, h)
	}
	if edit == nil {
		return nil
	}
	return fx.withContextFrom(call, file, holder, h.entry.Adapter, h.entry.AdapterName(), edit, sdkFixMessage(h))
}

// sdkFixMessage is the fix's message: "Pass the context's profile to
// openai.NewClient with openaienv.With".
func sdkFixMessage(h sdkHop) string {
	callee := h.fn.Pkg().Name() + "." + h.fn.Name()
	if h.entry.How == sdks.Wrap {
		return "Replace " + callee + " with " + h.entry.AdapterCall() + ", which takes the context's profile"
	}
	return "Pass the context's profile to " + callee + " with " + h.entry.AdapterCall()
}

// sdkNote says in a finding's message what the SDK's row offers: the
// adapter call the fix adds; without a fix, the call to add by hand, or,
// when the call passes it already, that the adapter does not supply the
// variable.
func (fx *fixer) sdkNote(f *finding, h sdkHop, fixed bool) string {
	what := h.entry.AdapterCall() + "(ctx)"
	if h.entry.How == sdks.Spread {
		what += "..."
	}
	switch {
	case fixed && h.entry.How == sdks.Wrap:
		return " (fix: " + h.entry.AdapterCall() + "(ctx, ...), which takes the profile's credentials)"
	case fixed:
		return " (fix: add " + what + ", the profile's credentials as explicit options)"
	case h.adapter:
		return " (" + h.entry.AdapterCall() + " does not supply it: pass it explicitly)"
	}
	call := fx.sdk.at(f.access.Path[h.index].Pos(), h.fn)
	if call != nil && h.entry.PassesAdapter(fx.pass.TypesInfo, call) {
		return " (" + h.entry.AdapterCall() + " does not supply it: pass it explicitly)"
	}
	return " (no automatic fix here: " + what + " passes a profile's credentials explicitly where a context is at hand)"
}

// spreadEdits wraps the variadic options of call in the adapter's With,
// or appends it when there are none; nil when the callee is not variadic.
func spreadEdits(call *ast.CallExpr, h sdkHop) func(ctx, name string) []analysis.TextEdit {
	sig, ok := h.fn.Type().(*types.Signature)
	if !ok || !sig.Variadic() {
		return nil
	}
	n := sig.Params().Len() - 1 // index of the variadic parameter
	if len(call.Args) < n {
		return nil // f(g()) with g's results spread over the parameters
	}
	return func(ctx, name string) []analysis.TextEdit {
		with := name + "." + h.entry.Call + "(" + ctx
		switch {
		case len(call.Args) == n && n == 0:
			return []analysis.TextEdit{insert(call.Lparen+1, with+")...")}
		case len(call.Args) == n:
			return []analysis.TextEdit{insert(call.Args[n-1].End(), ", "+with+")...")}
		case call.Ellipsis.IsValid():
			return []analysis.TextEdit{insert(call.Args[n].Pos(), with+", "), insert(call.Ellipsis+3, ")...")}
		}
		return []analysis.TextEdit{insert(call.Args[n].Pos(), with+", "), insert(call.Args[len(call.Args)-1].End(), ")...")}
	}
}

func insert(pos token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}
}

// wrapEdits replaces the SDK function of call with the adapter's wrapper,
// which takes the context first; nil when the change of the result's
// static type (to the interface the wrapper returns) could break the code.
func (fx *fixer) wrapEdits(call *ast.CallExpr, h sdkHop) func(ctx, name string) []analysis.TextEdit {
	if _, qualified := ast.Unparen(call.Fun).(*ast.SelectorExpr); !qualified {
		return nil // a dot import, which the swap could leave unused
	}
	iface := interfaceNamed(h.fn.Pkg(), h.entry.Returns)
	if iface == nil || !fx.onlyUsedAs(call, iface) {
		return nil
	}
	return func(ctx, name string) []analysis.TextEdit {
		sep := ""
		if len(call.Args) > 0 {
			sep = ", "
		}
		return []analysis.TextEdit{
			{Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte(name + "." + h.entry.Call)},
			insert(call.Lparen+1, ctx+sep),
		}
	}
}

// interfaceNamed finds the interface "path.Name" among the packages pkg
// imports, directly or not (azidentity imports azcore), or nil.
func interfaceNamed(pkg *types.Package, qualified string) types.Type {
	i := strings.LastIndex(qualified, ".")
	if pkg == nil || i < 0 {
		return nil
	}
	path, name := qualified[:i], qualified[i+1:]
	seen := map[*types.Package]bool{}
	var find func(p *types.Package) types.Type
	find = func(p *types.Package) types.Type {
		if seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == path {
			if tn, ok := p.Scope().Lookup(name).(*types.TypeName); ok && types.IsInterface(tn.Type()) {
				return tn.Type()
			}
			return nil
		}
		for _, imp := range p.Imports() {
			if t := find(imp); t != nil {
				return t
			}
		}
		return nil
	}
	return find(pkg)
}

// onlyUsedAs reports whether call's first result may become the interface
// iface without breaking compilation: it is assigned with := to a new
// variable (or to _), whose every use calls a method of iface, or passes
// or returns it where iface is assignable, and that is never assigned
// again:
//
//	cred, err := azidentity.NewDefaultAzureCredential(nil)
//	client, err := azblob.NewClient(url, cred, nil)  // a parameter of type azcore.TokenCredential
func (fx *fixer) onlyUsedAs(call *ast.CallExpr, iface types.Type) bool {
	v, ok := fx.definedBy(call)
	if !ok || v == nil {
		return ok // assigned to _
	}
	for id, obj := range fx.pass.TypesInfo.Uses {
		if obj == v && !fx.usedAsInterface(id, iface) {
			return false
		}
	}
	return true
}

// definedBy returns the variable that `x, err := call` defines, nil for _
// (assigned with = or :=), and false when call's result goes anywhere else.
func (fx *fixer) definedBy(call *ast.CallExpr) (*types.Var, bool) {
	file := fx.files[fx.pass.Fset.File(call.Pos())]
	var found *ast.AssignStmt
	ast.Inspect(file, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && ast.Unparen(as.Rhs[0]) == ast.Expr(call) {
			found = as
		}
		return found == nil
	})
	if found == nil {
		return nil, false
	}
	id, ok := found.Lhs[0].(*ast.Ident)
	if !ok {
		return nil, false
	}
	if id.Name == "_" {
		return nil, true // _ takes any type, with = as with :=
	}
	if found.Tok != token.DEFINE {
		return nil, false
	}
	v, ok := fx.pass.TypesInfo.Defs[id].(*types.Var)
	return v, ok
}

// usedAsInterface reports whether the use id of a variable could have the
// type iface: a call of one of iface's methods, or an argument or a result
// where iface is assignable.
func (fx *fixer) usedAsInterface(id *ast.Ident, iface types.Type) bool {
	file := fx.files[fx.pass.Fset.File(id.Pos())]
	if file == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(file, id.Pos(), id.End())
	if len(path) < 2 {
		return false
	}
	switch p := path[1].(type) {
	case *ast.SelectorExpr:
		obj, _, _ := types.LookupFieldOrMethod(iface, false, nil, p.Sel.Name)
		_, isMethod := obj.(*types.Func)
		return p.X == ast.Expr(id) && isMethod && len(path) > 2 && isCallOf(path[2], p)
	case *ast.ReturnStmt:
		return fx.returnedAsInterface(p, id, path, iface)
	case *ast.CallExpr:
		sig, ok := fx.pass.TypesInfo.TypeOf(p.Fun).(*types.Signature)
		if !ok {
			return false
		}
		for i, arg := range p.Args {
			if arg != ast.Expr(id) {
				continue
			}
			param := paramType(sig, i, p.Ellipsis.IsValid())
			return param != nil && types.AssignableTo(iface, param)
		}
	}
	return false
}

// returnedAsInterface reports whether id, returned by ret, is a result
// whose declared type iface is assignable to.
func (fx *fixer) returnedAsInterface(ret *ast.ReturnStmt, id *ast.Ident, path []ast.Node, iface types.Type) bool {
	var fnType types.Type
	for _, n := range path {
		if fd, ok := n.(*ast.FuncDecl); ok {
			if obj := fx.pass.TypesInfo.Defs[fd.Name]; obj != nil {
				fnType = obj.Type()
			}
			break
		}
		if fl, ok := n.(*ast.FuncLit); ok {
			fnType = fx.pass.TypesInfo.TypeOf(fl)
			break
		}
	}
	sig, ok := fnType.(*types.Signature)
	if !ok || sig.Results().Len() != len(ret.Results) {
		return false
	}
	for i, r := range ret.Results {
		if r == ast.Expr(id) {
			return types.AssignableTo(iface, sig.Results().At(i).Type())
		}
	}
	return false
}

// isCallOf reports whether n calls fun.
func isCallOf(n ast.Node, fun ast.Expr) bool {
	c, ok := n.(*ast.CallExpr)
	return ok && c.Fun == fun
}

// paramType returns the type of the parameter argument i is passed to.
func paramType(sig *types.Signature, i int, spread bool) types.Type {
	params := sig.Params()
	if sig.Variadic() && i >= params.Len()-1 {
		last := params.At(params.Len() - 1).Type()
		if spread {
			return nil
		}
		if s, ok := last.(*types.Slice); ok {
			return s.Elem()
		}
		return nil
	}
	if i < params.Len() {
		return params.At(i).Type()
	}
	return nil
}

// sdkReadHop returns the SDK call of a read finding, for the fix and the
// message note.
func sdkReadHop(f *finding) (sdkHop, bool) {
	if f.access.Kind != envaccess.Read {
		return sdkHop{}, false
	}
	return sdkEntryOf(f.access)
}
