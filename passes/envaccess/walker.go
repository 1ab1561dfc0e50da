package envaccess

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/names"
	"github.com/credlint/credlint/internal/sdks"
	"github.com/credlint/credlint/passes/roots"
)

// body is a unit of summarising: a declared function or method, or a
// function literal that is a concurrent root. Other function literals are
// part of the body that encloses them.
type body struct {
	fn    *types.Func  // nil for a root literal
	lit   *ast.FuncLit // nil for a declared function
	block *ast.BlockStmt
	scope *scope

	direct *set   // accesses of sinks and imported callees, found once
	edges  []edge // calls of this package's functions
	sum    *set   // the summary at the fixed point

	index int        // place in state.order
	comp  *component // its component of the call graph (scc.go)
	full  bool       // the shared accesses of comp were added to sum (shared.go)
}

// edge is a call (or a use as a value, when call is nil) of a function of
// this package.
type edge struct {
	caller *body
	callee *body
	call   *ast.CallExpr
	hop    Hop
	once   bool     // inside a run-once body: reads do not propagate
	locks  []string // held at the call (locks.go)
}

// walker collects the direct accesses and edges of one body.
type walker struct {
	st       *state
	b        *body
	once     bool
	unlocked bool // the access runs in a new goroutine: no lock of the body is held
	called   map[ast.Expr]bool
	skip     map[ast.Node]bool
}

func (st *state) walk(b *body) {
	w := &walker{st: st, b: b, called: map[ast.Expr]bool{}, skip: map[ast.Node]bool{}}
	ast.Inspect(b.block, w.visit)
}

func (w *walker) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.FuncLit:
		// A root literal is its own body; a once-body was walked already.
		return w.st.roots.LitRoot(n) == nil && !w.skip[n]
	case *ast.GoStmt:
		// go v(): a function value in a package variable runs in a new
		// goroutine, not in this body (a root of its own when the roots
		// pass can tell which function it is).
		w.skip[ast.Unparen(n.Call.Fun)] = true
	case *ast.AssignStmt:
		// v = f: storing into a package variable is not a use of what it
		// held.
		for _, lhs := range n.Lhs {
			w.skip[ast.Unparen(lhs)] = true
		}
	case *ast.CallExpr:
		w.call(n)
	case *ast.SelectorExpr:
		if fn := w.funcObj(n); fn != nil && !w.called[n] && !w.st.roots.IsRootRef(n) {
			w.valueRef(n, fn)
		}
		if v, ok := w.st.info.Uses[n.Sel].(*types.Var); ok && w.st.info.Selections[n] == nil && !w.skip[n] {
			w.varUse(n.Sel, v) //   template.New(name).Funcs(lib.Funcs)
		}
		ast.Inspect(n.X, w.visit)
		return false
	case *ast.Ident:
		switch obj := w.st.info.Uses[n].(type) {
		case *types.Func:
			if !w.called[n] && !w.st.roots.IsRootRef(n) {
				w.valueRef(n, obj)
			}
		case *types.Var:
			if !w.skip[n] {
				w.varUse(n, obj) //   template.New(name).Funcs(sharedFuncs)
			}
		}
	}
	return true
}

// funcObj returns the function a selector denotes (pkg.F, x.Method), if any.
func (w *walker) funcObj(e *ast.SelectorExpr) *types.Func {
	if sel := w.st.info.Selections[e]; sel != nil {
		if sel.Kind() == types.FieldVal {
			return nil
		}
		fn, _ := sel.Obj().(*types.Func)
		return fn
	}
	fn, _ := w.st.info.Uses[e.Sel].(*types.Func)
	return fn
}

func (w *walker) markCalled(fun ast.Expr) {
	fun = ast.Unparen(fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		w.markCalled(f.X)
	case *ast.IndexListExpr:
		w.markCalled(f.X)
	}
	w.called[fun] = true
}

func (w *walker) call(call *ast.CallExpr) {
	w.markCalled(call.Fun)
	info := w.st.info
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return // a conversion
	}
	if w.st.roots.IsRootRef(call.Fun) {
		if fn, ok := typeutil.Callee(info, call).(*types.Func); ok {
			if s, ok := sinks[names.Full(fn.Origin())]; ok {
				//   go os.Setenv(k, v): no body to be a root of its own;
				//   the access counts for the body that starts it, and
				//   holds none of its locks.
				w.unlocked = true
				w.sinkCall(call, s, false)
				w.unlocked = false
			}
		}
		return //   go worker(): the worker is a root of its own
	}
	switch obj := typeutil.Callee(info, call).(type) {
	case *types.Func:
		full := names.Full(obj.Origin())
		if s, ok := sinks[full]; ok {
			w.sinkCall(call, s, false)
			return
		}
		if runOnce[full] {
			w.onceCall(call)
			return
		}
		if templateExecutes[full] {
			w.executeCall(call) //   t.Execute(&buf, data) runs the template's functions
		}
		if isAbstract(obj) {
			w.ifaceCall(call, obj)
			return
		}
		w.staticCall(call, call.Pos(), obj, false)
	case *types.Var:
		w.funcValueCall(call, obj)
	}
}

// hop builds the hop for a call of fn at pos.
func (w *walker) hop(pos token.Pos, callee string, fn *types.Func, dyn bool) Hop {
	return Hop{Callee: callee, At: w.st.at(pos), Dynamic: dyn, pos: pos, fn: fn}
}

// staticCall adds the accesses of fn reached through call (nil for a use as
// a value) at pos.
func (w *walker) staticCall(call *ast.CallExpr, pos token.Pos, fn *types.Func, dyn bool) {
	fn = fn.Origin()
	h := w.hop(pos, names.Func(fn, nil), fn, dyn)
	if callee := w.st.bodies[fn]; callee != nil {
		w.b.edges = append(w.b.edges, edge{caller: w.b, callee: callee, call: call, hop: h, once: w.once,
			locks: w.st.held(w.b, pos)})
		return
	}
	if fn.Pkg() == w.st.pass.Pkg {
		return // no body (assembly, linkname)
	}
	if row, ok := tagLoaders[names.Full(fn)]; ok && call != nil {
		if tk, ok := w.loaderCall(call, row); ok {
			w.loaderThrough(call, h, row, tk, w.st.importedSummary(fn))
			return
		}
		if param, prefix, ok := w.loaderParam(call, row); ok {
			w.loaderParamThrough(call, h, row, names.Full(fn)+"|"+prefix, param, w.st.importedSummary(fn))
			return
		}
	}
	acc := w.st.importedSummary(fn)
	settles := w.sdkSettles(call, fn, acc)
	for _, a := range acc {
		if settles != nil && a.Kind == Read && a.From == KeyConst && settles(a.Key) {
			continue
		}
		w.addThrough(a, call, h, w.once)
	}
}

// sdkSettles returns, for a call of an SDK entry point with a row in
// sdks.Table (or of its adapter's wrapper), which variables the call gives
// explicitly: the adapter's options, or the SDK's own option for a
// variable (openai.NewClient(option.WithAPIKey(k)) gives OPENAI_API_KEY).
// The SDK still reads them, but the explicit value overrides what it
// read, so the read is left out of the summary, and a helper that builds
// its client that way reads nothing for its callers (issue 14). It
// returns nil for any other call, and looks the row up only when the
// callee touches the environment at all.
func (w *walker) sdkSettles(call *ast.CallExpr, fn *types.Func, acc []Access) func(key string) bool {
	if call == nil || len(acc) == 0 {
		return nil
	}
	e, adapter := sdks.Lookup(fn), false
	if e == nil {
		e, adapter = sdks.LookupAdapter(fn), true
	}
	if e == nil {
		return nil
	}
	return func(key string) bool { return e.Settles(w.st.info, call, adapter, key) }
}

// loaderThrough adds the accesses of a struct-tag loader call whose struct
// is known: its dynamic-name and whole-environment reads become reads of
// the struct's keys, with the best of their witnesses, and its writes are
// kept only when a field asks for them (caarlos0/env's unset option).
func (w *walker) loaderThrough(call *ast.CallExpr, h Hop, row tagLoader, tk tagKeys, acc []Access) {
	witness := w.loaderRest(call, h, acc, row.writeOption != "" && !tk.writes)
	if witness == nil {
		return
	}
	for _, k := range tk.keys {
		a := *witness
		a.Op, a.From, a.Key, a.Param = row.op, KeyConst, k, 0
		a.Guard = w.b.scope.guardAt(w.b.block, h.pos)
		w.b.direct.add(a.prepend(h))
	}
}

// loaderParamThrough adds the accesses of a struct-tag loader call whose
// struct is a parameter of the enclosing function: one KeyParamTags read,
// resolved where that function is called, and, when the loader writes
// only for fields with an option (caarlos0/env's unset), one KeyParamTags
// write that the caller keeps only if its struct has such a field.
func (w *walker) loaderParamThrough(call *ast.CallExpr, h Hop, row tagLoader, key string, param int, acc []Access) {
	optional := row.writeOption != ""
	if witness := w.loaderRest(call, h, acc, optional); witness != nil {
		a := *witness
		a.Op, a.From, a.Key, a.Param = row.op, KeyParamTags, key, param
		a.Guard = w.b.scope.guardAt(w.b.block, h.pos)
		w.b.direct.add(a.prepend(h))
	}
	if !optional {
		return
	}
	for _, a := range acc {
		if a.Kind == Write {
			a.From, a.Key, a.Param = KeyParamTags, key, param
			a.Guard = w.b.scope.guardAt(w.b.block, h.pos)
			a = a.prepend(h)
			a.Locks = unionLocks(a.Locks, w.st.held(w.b, h.pos))
			w.b.direct.add(a)
			return // one write stands for the loader's
		}
	}
}

// loaderRest adds a loader's accesses other than its dynamic-name and
// whole-environment reads (its writes too unless dropWrites), and returns
// the best witness of those reads, or nil when there is none or reads are
// not kept (a run-once body).
func (w *walker) loaderRest(call *ast.CallExpr, h Hop, acc []Access, dropWrites bool) *Access {
	var witness *Access
	for i, a := range acc {
		switch {
		case a.Kind == Read && (a.From == KeyDynamic || a.From == KeyAll):
			if witness == nil || a.better(witness) {
				witness = &acc[i]
			}
		case a.Kind == Write && dropWrites:
			// a write the struct's tags never ask for
		default:
			w.addThrough(a, call, h, w.once)
		}
	}
	if w.once {
		return nil
	}
	return witness
}

// addThrough instantiates a callee's access at a call and adds it.
func (w *walker) addThrough(a Access, call *ast.CallExpr, h Hop, once bool) {
	locks := w.st.held(w.b, h.pos)
	for _, inst := range instantiate(a, call, w.b.scope) {
		inst, ok := w.b.scope.guardThrough(inst, call, h.Dynamic, w.b.block, h.pos)
		if !ok {
			continue // the call passes the value the access is a fallback for
		}
		inst = inst.prepend(namingHop(a, inst, h))
		inst.Locks = unionLocks(inst.Locks, locks)
		if once && inst.Kind == Read {
			w.st.addOnceRead(inst)
			continue
		}
		w.b.direct.add(inst)
	}
}

// onceCall walks the function argument of sync.Once.Do, sync.OnceFunc and
// sync.OnceValue(s) with reads suppressed.
func (w *walker) onceCall(call *ast.CallExpr) {
	if len(call.Args) == 0 {
		return
	}
	saved := w.once
	w.once = true
	defer func() { w.once = saved }()
	switch arg := ast.Unparen(call.Args[0]).(type) {
	case *ast.FuncLit:
		w.skip[arg] = true
		ast.Inspect(arg.Body, w.visit)
	default:
		if fn, lit := roots.Target(w.st.info, nil, arg); fn != nil && lit == nil {
			w.markCalled(arg)
			w.staticCall(call, call.Pos(), fn, false)
		}
	}
}

// valueRef handles a function used as a value (not called here): it may be
// called from anywhere this value reaches, so the use counts as a call with
// unknown arguments. os.Getenv put in a template.FuncMap is a read.
func (w *walker) valueRef(e ast.Expr, fn *types.Func) {
	fn = fn.Origin()
	if s, ok := sinks[names.Full(fn)]; ok {
		w.sinkValue(e, s)
		return
	}
	w.staticCall(nil, e.Pos(), fn, true)
}

func isAbstract(fn *types.Func) bool {
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && sig.Recv() != nil && types.IsInterface(sig.Recv().Type())
}
