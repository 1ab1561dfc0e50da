package roots

// This file makes roots of the methods a library's goroutines call
// through an interface (issue 13, recall): controller-runtime's workers
// call the Reconciler stored in a field of their controller,
//
//	// package worker (a library)
//	func (c *Controller) Start() { go func() { for k := range c.Queue { c.Do.Reconcile(k) } }() }
//
//	// package main
//	c := &worker.Controller{Do: storeReconciler{}}   // (storeReconciler).Reconcile is a root
//
// A package exports, as a ConcurrentCalls package fact, the interface
// methods its goroutines call (through its own functions, not across
// packages), and those its direct imports' facts list (hidden.go),
// exported methods of exported interfaces only: no other
// package can implement the rest. A package that converts a type of its own to such an
// interface makes that type's method a root, started at the conversion.
// Interfaces of the standard library (io.Writer, error, fmt.Stringer)
// are left out: every program converts to them, and their goroutine
// callers (a logger's flush loop) rarely run code that touches the
// environment.

import (
	"go/ast"
	"go/build"
	"go/types"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/names"
)

// ConcurrentCalls is the package fact listing the interface methods that
// goroutines of the package call: "path.Iface.Method", sorted.
type ConcurrentCalls struct {
	Methods []string
}

// AFact marks ConcurrentCalls as an analysis fact.
func (*ConcurrentCalls) AFact() {}

func (c *ConcurrentCalls) String() string {
	return "concurrentCalls(" + strings.Join(c.Methods, " ") + ")"
}

// ViaIfaceCall starts the Via of a root that a library's goroutines call
// through an interface; the method's name follows.
const ViaIfaceCall = "interface call "

// maxCallDepth bounds the walk from a goroutine through the package's own
// functions.
const maxCallDepth = 8

// exportConcurrentCalls exports the interface methods the package's
// goroutines call, directly or through its functions.
func exportConcurrentCalls(pass *analysis.Pass, res *Result) {
	decls := map[*types.Func]*ast.FuncDecl{}
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					decls[fn] = fd
				}
			}
		}
	}
	w := &callWalk{pass: pass, decls: decls, seen: map[*types.Func]bool{}, found: map[string]bool{}}
	for _, r := range res.Roots {
		if r.Kind != Goroutine && r.Kind != Spawned || inTestFile(pass, r) {
			continue
		}
		switch {
		case r.Lit != nil:
			w.body(r.Lit.Body, 0)
		case r.Func != nil:
			w.fn(r.Func, 0)
		}
	}
	for _, m := range forwardedCalls(pass) { // hidden.go
		w.found[m] = true
	}
	if len(w.found) == 0 {
		return
	}
	out := make([]string, 0, len(w.found))
	for m := range w.found {
		out = append(out, m)
	}
	sort.Strings(out)
	pass.ExportPackageFact(&ConcurrentCalls{Methods: out})
}

func inTestFile(pass *analysis.Pass, r *Root) bool {
	return strings.HasSuffix(pass.Fset.Position(r.Pos).Filename, "_test.go")
}

// callWalk collects the interface method calls reachable from a body
// through the package's own functions.
type callWalk struct {
	pass  *analysis.Pass
	decls map[*types.Func]*ast.FuncDecl
	seen  map[*types.Func]bool
	found map[string]bool
}

func (w *callWalk) fn(fn *types.Func, depth int) {
	fn = fn.Origin()
	if w.seen[fn] || depth > maxCallDepth {
		return
	}
	w.seen[fn] = true
	if fd := w.decls[fn]; fd != nil {
		w.body(fd.Body, depth+1)
	}
}

func (w *callWalk) body(b *ast.BlockStmt, depth int) {
	ast.Inspect(b, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if fn := typeutil.StaticCallee(w.pass.TypesInfo, call); fn != nil {
			if fn.Pkg() == w.pass.Pkg {
				w.fn(fn, depth)
			}
			return true
		}
		if key := w.ifaceMethod(call); key != "" {
			w.found[key] = true
		}
		return true
	})
}

// ifaceMethod names the interface method call calls ("path.Iface.M"),
// or "" when it is not one of a named interface outside the standard
// library.
func (w *callWalk) ifaceMethod(call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if s := w.pass.TypesInfo.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return ""
	}
	// Only an exported method of an exported interface can be
	// implemented, and converted to, by another package.
	t := w.pass.TypesInfo.TypeOf(sel.X)
	key := ifaceKey(t)
	if key == "" || !sel.Sel.IsExported() || !types.Unalias(t).(*types.Named).Obj().Exported() || InStdlib(w.pass, t) {
		return ""
	}
	return key + "." + sel.Sel.Name
}

// ifaceKey names a named interface type by its origin ("path.Iface"), or
// returns "" for any other type.
func ifaceKey(t types.Type) string {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !types.IsInterface(n) || n.Obj().Pkg() == nil {
		return ""
	}
	n = n.Origin()
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// InStdlib reports whether named type t is declared in the standard
// library's source tree.
func InStdlib(pass *analysis.Pass, t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	root := build.Default.GOROOT
	name := pass.Fset.Position(n.Obj().Pos()).Filename
	return root != "" && strings.HasPrefix(name, filepath.Join(root, "src")+string(filepath.Separator))
}

// importedConcurrentCalls returns the interface methods that goroutines
// of the imported packages call (their ConcurrentCalls facts).
func importedConcurrentCalls(pass *analysis.Pass) map[string]bool {
	called := map[string]bool{}
	for _, pf := range pass.AllPackageFacts() {
		if c, ok := pf.Fact.(*ConcurrentCalls); ok && pf.Package != pass.Pkg {
			for _, m := range c.Methods {
				called[m] = true
			}
		}
	}
	return called
}

// ifaceCallRoots adds a root for each method of a type of this package
// that a conversion hands to an interface whose method goroutines of an
// imported package call.
func (f *finder) ifaceCallRoots(called map[string]bool) {
	if len(called) == 0 {
		return
	}
	for _, file := range f.pass.Files {
		eachConversion(f.pass.TypesInfo, file, func(e ast.Expr, to types.Type) {
			f.convRoot(e, to, called)
		})
	}
}

// convRoot adds the roots of one conversion of e to interface to.
func (f *finder) convRoot(e ast.Expr, to types.Type, called map[string]bool) {
	key := ifaceKey(to)
	if key == "" {
		return
	}
	from := f.pass.TypesInfo.TypeOf(e)
	if from == nil || types.IsInterface(from) {
		return
	}
	iface := to.Underlying().(*types.Interface)
	for i := range iface.NumMethods() {
		name := iface.Method(i).Name()
		if !called[key+"."+name] {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(from, true, f.pass.Pkg, name)
		m, ok := obj.(*types.Func)
		if !ok || m.Pkg() != f.pass.Pkg || isAbstract(m) {
			continue
		}
		f.res.add(&Root{Kind: Spawned, Func: m, Pos: e.Pos(), Via: ViaIfaceCall + names.Func(iface.Method(i), f.pass.Pkg),
			Name: names.Func(m, f.pass.Pkg)})
	}
}
