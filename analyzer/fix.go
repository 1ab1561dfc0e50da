package analyzer

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/names"
	"github.com/credlint/credlint/internal/typeis"
	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// shimPath is the import path of the runtime shim the fixes target.
const shimPath = "github.com/credlint/credlint/profileenv"

// shimTwins maps each os function that has a profileenv twin, taking a
// leading context, to the twin's name.
var shimTwins = map[string]string{
	"os.Getenv":    "Getenv",
	"os.LookupEnv": "LookupEnv",
	"os.Environ":   "Environ",
	"os.ExpandEnv": "ExpandEnv",
}

// fixer builds suggested fixes. A fix is offered only where it keeps
// behaviour when no profile is attached to the context (profileenv's
// default path is its os twin), only in the analysed package, never in a
// generated file, and only where a context is at hand:
//
//   - a read through os.Getenv, os.LookupEnv, os.Environ or os.ExpandEnv
//     becomes its profileenv twin with a context in scope (a
//     context.Context variable, or r.Context() for an *http.Request r);
//
//   - when the function holding the read has no context but is unexported
//     and every call of it in the package has one, a ctx parameter is
//     threaded through it first;
//
//   - a child process started with a nil Env gets its Env from the context
//     (profileenv.SetCmdEnv, which leaves Env nil without a profile).
//
//   - a swap-and-restore of one variable around one call that takes a
//     context (fix_mirror.go) becomes that call with a derived context,
//     profileenv.Setenv(ctx, key, value), when the callee does not read the
//     variable from the process environment itself.
//
// Other writes get no fix: removing a write changes behaviour; docs/rules.md
// gives the manual fix.
type fixer struct {
	pass   *analysis.Pass
	env    *envaccess.Result
	sdk    *SDKCalls
	files  map[*token.File]*ast.File
	calls  map[token.Pos]*ast.CallExpr // outermost call starting at a position
	byFunc map[*types.Func]*ast.FuncDecl
}

func newFixer(pass *analysis.Pass) *fixer {
	fx := &fixer{pass: pass, env: pass.ResultOf[envaccess.Analyzer].(*envaccess.Result), sdk: NewSDKCalls(pass.TypesInfo, pass.Files), files: map[*token.File]*ast.File{}, calls: map[token.Pos]*ast.CallExpr{}, byFunc: map[*types.Func]*ast.FuncDecl{}}
	for _, f := range pass.Files {
		fx.files[pass.Fset.File(f.Pos())] = f
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if _, seen := fx.calls[n.Pos()]; !seen {
					fx.calls[n.Pos()] = n
				}
			case *ast.FuncDecl:
				if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
					fx.byFunc[fn] = n
				}
			}
			return true
		})
	}
	return fx
}

// fixes returns the suggested fixes for a finding, or nil.
func (fx *fixer) fixes(f *finding) []analysis.SuggestedFix {
	path := f.access.Path
	sink := path[len(path)-1]
	if h, ok := sdkReadHop(f); ok {
		return fx.sdkFix(f, h) // the read is in an SDK with a row
	}
	if !sink.Pos().IsValid() {
		return nil // the access is in another package
	}
	call := fx.calls[sink.Pos()]
	file := fx.files[fx.pass.Fset.File(sink.Pos())]
	if call == nil || file == nil || ast.IsGenerated(file) {
		return nil
	}
	var holder *types.Func // the function holding the access, if declared
	if len(path) >= 2 {
		holder = path[len(path)-2].Func()
	} else {
		holder = f.root.Func
	}
	switch f.access.Kind {
	case envaccess.Read:
		if fix := fx.mirrorFix(call, file); fix != nil {
			return fix // the read saves a value for a mirror's restore
		}
		if fx.writtenAlongside(call, file) {
			// old := os.Getenv(k); os.Setenv(k, v); defer os.Setenv(k, old):
			// reading old from a profile would restore the profile's value
			// into the process. The swap itself is the finding to fix.
			return nil
		}
		return fx.readFix(call, file, holder)
	case envaccess.Inherit:
		return fx.inheritFix(call, file, holder)
	case envaccess.Write:
		return fx.mirrorFix(call, file)
	}
	return nil
}

// noFixHint says what to do by hand when a read in this package has a
// profileenv twin but no fix because the function holding it is exported
// and has no context: the fix never changes an exported signature.
func (fx *fixer) noFixHint(f *finding) string {
	path := f.access.Path
	sink := path[len(path)-1]
	if f.access.Kind != envaccess.Read || !sink.Pos().IsValid() || len(path) < 2 || f.root.Group != "" {
		return "" // tests take their values explicitly, not from a profile
	}
	holder := path[len(path)-2].Func()
	call := fx.calls[sink.Pos()]
	if holder == nil || !holder.Exported() || call == nil || fx.contextAt(call.Pos()) != "" {
		return ""
	}
	if callee := typeutil.StaticCallee(fx.pass.TypesInfo, call); callee == nil || shimTwins[names.Full(callee)] == "" {
		return ""
	}
	return " (no fix: exported " + holder.Name() + " has no context; add ctx context.Context as its first parameter, then run credlint -fix again)"
}

// writtenAlongside reports whether the function holding the read call
// also writes its variable (the same constant name, or any name when the
// read's is not constant): a save for a swap-and-restore.
func (fx *fixer) writtenAlongside(call *ast.CallExpr, file *ast.File) bool {
	path, _ := astutil.PathEnclosingInterval(file, call.Pos(), call.End())
	var body *ast.BlockStmt
	for _, n := range path {
		if fd, ok := n.(*ast.FuncDecl); ok {
			body = fd.Body
			break
		}
		if fl, ok := n.(*ast.FuncLit); ok {
			body = fl.Body
			break
		}
	}
	if body == nil || len(call.Args) == 0 {
		return false
	}
	key := fx.pass.TypesInfo.Types[call.Args[0]].Value
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || found || len(c.Args) == 0 {
			return !found
		}
		callee := typeutil.StaticCallee(fx.pass.TypesInfo, c)
		if callee == nil || !envWriters[names.Full(callee)] {
			return true
		}
		k := fx.pass.TypesInfo.Types[c.Args[0]].Value
		found = key == nil || k == nil || constant.Compare(key, token.EQL, k)
		return !found
	})
	return found
}

// envWriters are the calls that write one named variable.
var envWriters = map[string]bool{
	"os.Setenv": true, "os.Unsetenv": true, "syscall.Setenv": true, "syscall.Unsetenv": true,
}

// readFix rewrites os.Getenv(k) to profileenv.Getenv(ctx, k).
func (fx *fixer) readFix(call *ast.CallExpr, file *ast.File, holder *types.Func) []analysis.SuggestedFix {
	callee := typeutil.StaticCallee(fx.pass.TypesInfo, call)
	if callee == nil {
		return nil
	}
	twin, ok := shimTwins[names.Full(callee)]
	if !ok {
		return nil
	}
	if _, qualified := ast.Unparen(call.Fun).(*ast.SelectorExpr); !qualified {
		// import . "os"; Getenv(k): the fix could leave the dot import
		// unused, which does not compile, and no driver removes it.
		return nil
	}
	return fx.withContext(call, file, holder, func(ctx, shim string) []analysis.TextEdit {
		arg := ctx
		if len(call.Args) > 0 {
			arg += ", "
		}
		return []analysis.TextEdit{
			{Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte(shim + "." + twin)},
			{Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(arg)},
		}
	}, fmt.Sprintf("Replace %s with %s.%s", callee.Pkg().Name()+"."+callee.Name(), "profileenv", twin))
}

// inheritFix rewrites cmd.Run() to profileenv.SetCmdEnv(ctx, cmd).Run().
func (fx *fixer) inheritFix(call *ast.CallExpr, file *ast.File, holder *types.Func) []analysis.SuggestedFix {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !typeis.PointerTo(fx.pass.TypesInfo.TypeOf(sel.X), "os/exec", "Cmd") {
		return nil // SetCmdEnv takes an *exec.Cmd, not a struct embedding one
	}
	return fx.withContext(call, file, holder, func(ctx, shim string) []analysis.TextEdit {
		return []analysis.TextEdit{
			{Pos: sel.X.Pos(), End: sel.X.Pos(), NewText: []byte(shim + ".SetCmdEnv(" + ctx + ", ")},
			{Pos: sel.X.End(), End: sel.X.End(), NewText: []byte(")")},
		}
	}, "Set the child's Env from the context with profileenv.SetCmdEnv")
}

// withContext finds a context for an edit at call, threading one through
// the holding function when needed, adds the shim import, and wraps the
// edits into one fix.
func (fx *fixer) withContext(call *ast.CallExpr, file *ast.File, holder *types.Func, edit func(ctx, shim string) []analysis.TextEdit, msg string) []analysis.SuggestedFix {
	return fx.withContextFrom(call, file, holder, shimPath, "profileenv", edit, msg)
}

// withContextFrom is withContext for an edit that calls the package at
// path (profileenv, or an SDK's adapter), named name unless the file
// imports it under another name.
func (fx *fixer) withContextFrom(call *ast.CallExpr, file *ast.File, holder *types.Func, path, name string, edit func(ctx, pkg string) []analysis.TextEdit, msg string) []analysis.SuggestedFix {
	shim, imp, ok := fx.importName(file, path, name, call.Pos())
	if !ok {
		return nil
	}
	edits := append([]analysis.TextEdit(nil), imp...)
	ctx := fx.contextAt(call.Pos())
	if ctx == "" {
		thread, how, ok := fx.threadContext(holder)
		if !ok {
			return nil
		}
		ctx = "ctx"
		edits = append(edits, thread...)
		msg += ", " + how
	}
	edits = append(edits, edit(ctx, shim)...)
	return []analysis.SuggestedFix{{Message: msg, TextEdits: dedupEdits(edits)}}
}

// contextAt returns an expression for a context in scope at pos: a
// context.Context variable (ctx preferred), or r.Context() for an
// *http.Request r, or a router's request (c.Request.Context() for gin, see
// roots.Frameworks); "" when there is none.
func (fx *fixer) contextAt(pos token.Pos) string {
	inner := fx.pass.Pkg.Scope().Innermost(pos)
	var req string
	for s := inner; s != nil && s != fx.pass.Pkg.Scope(); s = s.Parent() {
		best := ""
		for _, name := range s.Names() {
			v, ok := s.Lookup(name).(*types.Var)
			if !ok || v.Pos() >= pos || name == "_" {
				continue
			}
			if _, found := inner.LookupParent(name, pos); found != v {
				continue // shadowed at pos
			}
			switch {
			case typeis.Named(v.Type(), "context", "Context"):
				if best == "" || name == "ctx" {
					best = name
				}
			case req == "" && typeis.PointerTo(v.Type(), "net/http", "Request"):
				req = name + ".Context()"
			case req == "":
				req = roots.RequestContext(v.Type(), name) // c.Request.Context() for gin, ...: roots.Frameworks
			}
		}
		if best != "" {
			return best
		}
	}
	return req
}

// readFile reads a file of the package through the driver when it can.
func (fx *fixer) readFile(path string) ([]byte, error) {
	if fx.pass.ReadFile != nil {
		return fx.pass.ReadFile(path)
	}
	return os.ReadFile(path)
}

// callOf returns the call whose function is id, or nil.
func (fx *fixer) callOf(id *ast.Ident) *ast.CallExpr {
	var found *ast.CallExpr
	file := fx.files[fx.pass.Fset.File(id.Pos())]
	if file == nil {
		return nil
	}
	ast.Inspect(file, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		if c, ok := n.(*ast.CallExpr); ok && ast.Unparen(c.Fun) == ast.Expr(id) {
			found = c
		}
		return n == nil || (n.Pos() <= id.Pos() && id.End() <= n.End())
	})
	return found
}

// importName returns the name under which file imports path, adding the
// import when it is missing. It fails when the import is blank or dot, or
// when the name is taken at pos by something else.
func (fx *fixer) importName(file *ast.File, path, name string, pos token.Pos) (string, []analysis.TextEdit, bool) {
	for _, spec := range file.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p == path {
			if spec.Name == nil {
				return name, nil, true
			}
			if spec.Name.Name == "_" || spec.Name.Name == "." {
				return "", nil, false
			}
			return spec.Name.Name, nil, true
		}
	}
	if _, obj := fx.pass.Pkg.Scope().Innermost(pos).LookupParent(name, pos); obj != nil {
		return "", nil, false
	}
	for _, spec := range file.Imports {
		if spec.Name != nil && spec.Name.Name == name {
			return "", nil, false
		}
	}
	return name, []analysis.TextEdit{addImport(fx.pass.Fset, file, path)}, true
}

// dotImports reports whether file imports path with a dot.
func dotImports(file *ast.File, path string) bool {
	for _, spec := range file.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p == path && spec.Name != nil && spec.Name.Name == "." {
			return true
		}
	}
	return false
}

// addImport inserts an import of path, keeping the file gofmt-clean: a
// standard-library path goes in sorted order into the first group of the
// first import declaration, any other path into a group of its own at its
// end.
func addImport(fset *token.FileSet, file *ast.File, path string) analysis.TextEdit {
	q := strconv.Quote(path)
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if !gd.Lparen.IsValid() {
			return analysis.TextEdit{Pos: gd.End(), End: gd.End(), NewText: []byte("\n\nimport " + q)}
		}
		if len(gd.Specs) > 0 && !strings.Contains(strings.Split(path, "/")[0], ".") {
			return insertImportSorted(fset, gd, q)
		}
		return analysis.TextEdit{Pos: gd.Rparen, End: gd.Rparen, NewText: []byte("\n\t" + q + "\n")}
	}
	return analysis.TextEdit{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport " + q)}
}

// insertImportSorted places an import in the first group of gd (the specs
// before the first blank line), in sorted order.
func insertImportSorted(fset *token.FileSet, gd *ast.GenDecl, q string) analysis.TextEdit {
	line := func(p token.Pos) int { return fset.Position(p).Line }
	for i, spec := range gd.Specs {
		if i > 0 && line(spec.Pos()) > line(gd.Specs[i-1].End())+1 {
			prev := gd.Specs[i-1].End() // the first group ends here
			return analysis.TextEdit{Pos: prev, End: prev, NewText: []byte("\n\t" + q)}
		}
		if spec.(*ast.ImportSpec).Path.Value > q {
			return analysis.TextEdit{Pos: spec.Pos(), End: spec.Pos(), NewText: []byte(q + "\n\t")}
		}
	}
	last := gd.Specs[len(gd.Specs)-1].End()
	return analysis.TextEdit{Pos: last, End: last, NewText: []byte("\n\t" + q)}
}

// dedupEdits drops repeated identical edits (two reads in one function
// threading the same parameter).
func dedupEdits(edits []analysis.TextEdit) []analysis.TextEdit {
	var out []analysis.TextEdit
	for _, e := range edits {
		dup := false
		for _, o := range out {
			if o.Pos == e.Pos && o.End == e.End && bytes.Equal(o.NewText, e.NewText) {
				dup = true
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	return out
}

// HasShimTwin reports whether op, the Op of a read (os.Getenv), has a
// profileenv twin that the read fix swaps in; credlint audit counts such
// reads as fixable.
func HasShimTwin(op string) bool { return shimTwins[op] != "" }
