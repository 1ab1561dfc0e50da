package roots

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/names"
	"github.com/credlint/credlint/internal/pkgvars"
)

// finder scans a package once for roots, using the spawners known so far.
type finder struct {
	pass    *analysis.Pass
	res     *Result
	decl    *ast.FuncDecl               // the declaration being scanned
	litVars map[*types.Var]*ast.FuncLit // locals bound to exactly one literal
	pkgLits map[*types.Var]*ast.FuncLit // package-level vars bound to exactly one literal
	litVar  map[*ast.FuncLit]string     // names of those package-level vars
	started []started                   // function values started as goroutines
	called  map[ast.Expr]bool           // expressions in call position

	sends    []started           // function values sent on a channel of functions
	recvVars map[*types.Var]bool // locals holding a function received from a channel
	drained  []types.Type        // element types of channels whose received functions are called

	declLits map[*types.Var]*ast.FuncLit // locals bound to one literal in the body whose regions are sought
	litDepth int                         // nesting of startsLit
	joins    map[ast.Node]string         // go statements joined by a receive, and the receives (recvJoins)
	decls    map[*types.Func]*ast.FuncDecl

	parallelHelpers map[*types.Func]bool // functions that call t.Parallel (tests.go), computed on first use
}

// started is a function value run in a new goroutine, with the declaration
// it appears in.
type started struct {
	decl *ast.FuncDecl
	expr ast.Expr
}

func newFinder(pass *analysis.Pass, res *Result) *finder {
	return &finder{pass: pass, res: res, called: map[ast.Expr]bool{}, recvVars: map[*types.Var]bool{}}
}

func (f *finder) scanFiles() {
	f.pkgLits = PackageFuncLits(f.pass.TypesInfo, f.pass.Files)
	f.litVar = map[*ast.FuncLit]string{}
	for v, lit := range f.pkgLits {
		f.litVar[lit] = v.Name()
	}
	for _, file := range f.pass.Files {
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Body == nil {
					continue
				}
				f.decl = d
				f.litVars = LocalFuncLits(f.pass.TypesInfo, d.Body)
				f.declRoots(d)
				ast.Inspect(d.Body, f.visit)
			case *ast.GenDecl:
				// Package-level initialisers can register handlers too:
				//   var h = http.HandlerFunc(serve)
				f.decl, f.litVars = nil, nil
				ast.Inspect(d, f.visit)
			}
		}
	}
}

// declRoots adds the roots a declaration is by itself: ServeHTTP methods and
// parallel tests.
func (f *finder) declRoots(d *ast.FuncDecl) {
	fn, _ := f.pass.TypesInfo.Defs[d.Name].(*types.Func)
	if fn == nil {
		return
	}
	if d.Recv != nil && d.Name.Name == "ServeHTTP" && isHandlerSig(fn.Type()) {
		f.res.add(&Root{Kind: HTTPHandler, Func: fn, Pos: d.Name.Pos(), Via: "ServeHTTP method", Name: names.Func(fn, f.pass.Pkg)})
	}
	if isTestFunc(f.pass, d) {
		f.testRoots(d, fn)
	}
}

func (f *finder) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.GoStmt:
		f.addTarget(n.Call.Fun, Goroutine, n.Go, "go statement")
	case *ast.CallExpr:
		f.called[ast.Unparen(n.Fun)] = true
		f.call(n)
		f.noteDrained(n)
	case *ast.SendStmt:
		f.noteSend(n)
	case *ast.RangeStmt, *ast.AssignStmt, *ast.ValueSpec:
		f.noteReceive(n)
	case *ast.FuncLit:
		// A literal with a handler signature is a handler wherever it
		// goes: returned as an http.HandlerFunc, stored in a route table.
		if fw := handlerFramework(f.pass.TypesInfo.TypeOf(n)); fw != nil && !f.res.refs[n] {
			f.addRoot(n, HTTPHandler, n.Pos(), "handler literal", fw.Name)
		}
	case *ast.SelectorExpr:
		f.called[n.Sel] = true // the selector itself stands for the function
		f.handlerValue(n)
	case *ast.Ident:
		f.handlerValue(n)
	}
	return true
}

// handlerValue makes a function with the handler signature a root when its
// value is taken (not called): routes["/"] = handleIndex.
func (f *finder) handlerValue(e ast.Expr) {
	if f.called[e] || f.res.refs[e] {
		return
	}
	fn, _ := f.target(e)
	if fn == nil {
		return
	}
	if fw := handlerFramework(fn.Type()); fw != nil {
		f.addRoot(e, HTTPHandler, e.Pos(), "handler value", fw.Name)
	}
}

func (f *finder) call(call *ast.CallExpr) {
	info := f.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		// A conversion: http.HandlerFunc(serve), gin.HandlerFunc(list)
		// make the operand a handler.
		if fw := conversionFramework(tv.Type); fw != nil && len(call.Args) == 1 {
			f.addRoot(call.Args[0], HTTPHandler, call.Pos(), shortTypeName(tv.Type), fw.Name)
		}
		return
	}
	if callee := typeutil.StaticCallee(info, call); callee != nil {
		for _, i := range f.res.SpawnedParams(callee) {
			if i < len(call.Args) && !isJobAdder(callee) { // a scheduler's job is one root, named by its row
				f.addTarget(call.Args[i], Spawned, call.Pos(), spawnerName(callee, f.pass.Pkg))
			}
		}
		f.services(call, callee)
	} else if m, ok := typeutil.Callee(info, call).(*types.Func); ok && isAbstract(m) {
		//   w.inputFunc(task) on an interface whose implementation in
		//   this package spawns its argument (ants' worker interface).
		for _, i := range f.ifaceParams(call, m) {
			if i < len(call.Args) {
				f.addTarget(call.Args[i], Spawned, call.Pos(), names.Func(m, f.pass.Pkg))
			}
		}
	}
	// Any function value with a handler signature handed to a call is
	// registered as a handler: http.HandleFunc, (*http.ServeMux) methods,
	// routers built on net/http (chi, gorilla/mux), and the routers of
	// Frameworks (r.GET, e.POST, app.Get).
	for _, arg := range call.Args {
		if f.res.refs[ast.Unparen(arg)] {
			continue
		}
		if fw := handlerFramework(info.TypeOf(arg)); fw != nil {
			f.addRoot(arg, HTTPHandler, arg.Pos(), "handler registration", fw.Name)
		}
	}
}

func spawnerName(fn *types.Func, from *types.Package) string {
	if k, ok := knownSpawners[names.Full(fn.Origin())]; ok {
		return k.via
	}
	return names.Func(fn, from)
}

// addTarget records the function value e as a root, if it names a body.
func (f *finder) addTarget(e ast.Expr, kind Kind, pos token.Pos, via string) {
	f.addRoot(e, kind, pos, via, "")
}

// addRoot is addTarget for a root run by a framework (gin, cron).
func (f *finder) addRoot(e ast.Expr, kind Kind, pos token.Pos, via, framework string) {
	if kind == Goroutine || kind == Spawned || kind == Scheduled {
		f.started = append(f.started, started{f.decl, e})
	}
	fn, lit := f.target(e)
	switch {
	case lit != nil:
		f.res.refs[ast.Unparen(e)] = true
		f.res.add(&Root{Kind: kind, Lit: lit, Pos: pos, Via: via, Name: f.litName(lit), Framework: framework})
	case fn != nil && !isAbstract(fn):
		f.res.refs[ast.Unparen(e)] = true
		f.res.add(&Root{Kind: kind, Func: fn, Pos: pos, Via: via, Name: names.Func(fn, f.pass.Pkg), Framework: framework})
	}
}

func (f *finder) declName() string {
	if f.decl == nil {
		return "package initialiser"
	}
	if fn, ok := f.pass.TypesInfo.Defs[f.decl.Name].(*types.Func); ok {
		return names.Func(fn, f.pass.Pkg)
	}
	return f.decl.Name.Name
}

// target resolves a function-valued expression to a declared function or
// method, or to a function literal (directly or through a local variable
// bound to exactly one literal).
func (f *finder) target(e ast.Expr) (*types.Func, *ast.FuncLit) {
	fn, lit := Target(f.pass.TypesInfo, f.litVars, e)
	if fn == nil && lit == nil {
		return Target(f.pass.TypesInfo, f.pkgLits, e)
	}
	return fn, lit
}

// litName names a root literal: the package-level variable it initialises,
//
//	var handle = func(w http.ResponseWriter, r *http.Request) { ... }
//
// or "func literal in <enclosing function>".
func (f *finder) litName(lit *ast.FuncLit) string {
	if name, ok := f.litVar[lit]; ok {
		return name
	}
	return "func literal in " + f.declName()
}

// Target is the resolution used by finder, shared with credlint_envaccess so
// both passes agree on what a function value denotes.
func Target(info *types.Info, litVars map[*types.Var]*ast.FuncLit, e ast.Expr) (*types.Func, *ast.FuncLit) {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return nil, e
	case *ast.Ident:
		switch obj := info.Uses[e].(type) {
		case *types.Func:
			return obj, nil
		case *types.Var:
			return nil, litVars[obj]
		}
	case *ast.SelectorExpr:
		if sel := info.Selections[e]; sel != nil {
			if fn, ok := sel.Obj().(*types.Func); ok && sel.Kind() != types.FieldVal {
				return fn, nil
			}
			return nil, nil
		}
		if fn, ok := info.Uses[e.Sel].(*types.Func); ok {
			return fn, nil
		}
	case *ast.IndexExpr:
		return Target(info, litVars, e.X)
	case *ast.IndexListExpr:
		return Target(info, litVars, e.X)
	}
	return nil, nil
}

// LocalFuncLits maps each local variable that is assigned exactly once, from
// a function literal, to that literal:
//
//	work := func() { ... }
//	go work()
func LocalFuncLits(info *types.Info, body *ast.BlockStmt) map[*types.Var]*ast.FuncLit {
	lits := map[*types.Var]*ast.FuncLit{}
	count := map[*types.Var]int{}
	note := func(id *ast.Ident, rhs ast.Expr) {
		v, _ := info.ObjectOf(id).(*types.Var)
		if v == nil {
			return
		}
		count[v]++
		if lit, ok := ast.Unparen(rhs).(*ast.FuncLit); ok {
			lits[v] = lit
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						note(id, n.Rhs[i])
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					note(id, n.Values[i])
				}
			}
		}
		return true
	})
	for v := range lits {
		if count[v] != 1 {
			delete(lits, v)
		}
	}
	return lits
}

// PackageFuncLits maps each package-level variable that is declared with a
// function literal and never assigned again to that literal:
//
//	var work = func() { ... }
//	func start() { go work() }
func PackageFuncLits(info *types.Info, files []*ast.File) map[*types.Var]*ast.FuncLit {
	lits := map[*types.Var]*ast.FuncLit{}
	for v, init := range pkgvars.Initializers(info, files) {
		if lit, ok := ast.Unparen(init).(*ast.FuncLit); ok {
			lits[v] = lit
		}
	}
	if len(lits) == 0 {
		return nil
	}
	// Drop the variables assigned anywhere else: go work() may then run
	// another function.
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if id, ok := ast.Unparen(l).(*ast.Ident); ok {
						if v, ok := info.Uses[id].(*types.Var); ok {
							delete(lits, v)
						}
					}
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
					if v, ok := info.Uses[id].(*types.Var); ok {
						delete(lits, v) // &work may be assigned through
					}
				}
			}
			return true
		})
	}
	return lits
}

func isAbstract(fn *types.Func) bool {
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && sig.Recv() != nil && types.IsInterface(sig.Recv().Type())
}

// learnSpawners adds to res.spawn every parameter of a function of this
// package that is run in a new goroutine, and reports whether it added any:
//
//	go fn()                  // directly
//	g.Go(fn)                 // through a spawner
//	go func() { fn() }()     // inside a goroutine body
func (f *finder) learnSpawners() bool {
	info := f.pass.TypesInfo
	found := map[*types.Func]map[int]bool{}
	mark := func(d *ast.FuncDecl, e ast.Expr) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok || d == nil {
			return
		}
		fn, _ := info.Defs[d.Name].(*types.Func)
		v, _ := info.Uses[id].(*types.Var)
		if fn == nil || v == nil {
			return
		}
		if i := paramIndex(fn, v); i >= 0 {
			if found[fn] == nil {
				found[fn] = map[int]bool{}
			}
			found[fn][i] = true
		}
	}
	for _, s := range f.started {
		mark(s.decl, s.expr)
		if lit, ok := ast.Unparen(s.expr).(*ast.FuncLit); ok {
			ast.Inspect(lit.Body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					mark(s.decl, call.Fun)
					// A function handed on inside the goroutine runs
					// there (or later, elsewhere), not in the caller:
					//   go func() { h.pc.Try(f) }()   // conc.WaitGroup.Go
					for _, arg := range call.Args {
						if isFunc(info.TypeOf(arg)) {
							mark(s.decl, arg)
						}
					}
				}
				return true
			})
		}
	}
	for _, s := range f.drainedSends() {
		mark(s.decl, s.expr)
	}
	changed := false
	for fn, set := range found {
		var params []int
		for i := range set {
			params = append(params, i)
		}
		sort.Ints(params)
		if len(params) != len(f.res.spawn[fn]) {
			f.res.spawn[fn] = params
			changed = true
		}
	}
	return changed
}

func isFunc(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// paramIndex returns the index of v among fn's parameters, or -1.
func paramIndex(fn *types.Func, v *types.Var) int {
	sig := fn.Type().(*types.Signature)
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == v {
			return i
		}
	}
	return -1
}

// isJobAdder reports whether fn is a scheduler method of knownJobs.
func isJobAdder(fn *types.Func) bool {
	_, ok := knownJobs[names.Full(fn.Origin())]
	return ok
}
