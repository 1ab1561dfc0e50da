package envaccess

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/names"
)

// sinkCall records a call of a sink. dyn is set when the call reaches the
// sink through a function value.
func (w *walker) sinkCall(call *ast.CallExpr, s sink, dyn bool) {
	if s.onlyWithGetenvMapping {
		//   os.Expand(s, os.Getenv) reads the environment;
		//   os.Expand(s, lookup) does not.
		if len(call.Args) < 2 || !w.isGetenvRef(call.Args[1]) {
			return
		}
		w.markCalled(call.Args[1])
	}
	if s.cmdMethod && !w.inherits(call) {
		return
	}
	if setters[s.op] && w.preservesValue(call) {
		return //   os.Setenv(k, os.Getenv(k)) changes nothing (preserve.go)
	}
	a := Access{Kind: s.kind, Op: s.op, Path: []Hop{w.hop(call.Pos(), s.op, nil, dyn)},
		Guard: w.b.scope.guardAt(w.b.block, call.Pos())}
	a.Shim = s.shim || s.cmdMethod && w.cmdThroughShim(call)
	if !w.unlocked {
		a.Locks = w.st.held(w.b, call.Pos())
	}
	for _, inst := range w.sinkKeys(a, s, call) {
		w.add(inst)
	}
}

// add adds a direct access of the body, or records it as a run-once read
// (a read inside a run-once body does not propagate: once.go).
func (w *walker) add(a Access) {
	if w.once && a.Kind == Read {
		w.st.addOnceRead(a)
		return
	}
	w.b.direct.add(a)
}

// sinkKeys resolves the key of a sink call into one access per constant
// name, or one parameter or dynamic access.
func (w *walker) sinkKeys(a Access, s sink, call *ast.CallExpr) []Access {
	switch s.key {
	case keyAll:
		a.From = KeyAll
		if s.kind == Read {
			a.Key = w.st.snapshotExcept(call) //   for _, e := range os.Environ() { if ... { continue } }
		}
		return []Access{a}
	case keyFixed:
		return fromKeyRes(a, keyRes{from: KeyConst, consts: s.keys})
	case keyArg0:
		if len(call.Args) == 0 {
			return nil
		}
		return fromKeyRes(a, w.b.scope.nameOf(call.Args[0]))
	case keyTemplate0:
		if len(call.Args) == 0 {
			return nil
		}
		return fromKeyRes(a, w.b.scope.templateOf(call.Args[0]))
	case keyArg1:
		if len(call.Args) < 2 {
			return nil
		}
		return fromKeyRes(a, w.b.scope.nameOf(call.Args[1]))
	case keyTemplate1:
		if len(call.Args) < 2 {
			return nil
		}
		return fromKeyRes(a, w.b.scope.templateOf(call.Args[1]))
	}
	return nil
}

// templateOf resolves a $NAME template argument: a constant gives the names
// it references, a parameter passes through.
func (s *scope) templateOf(e ast.Expr) keyRes {
	if tv, ok := s.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		names := templateNames(constant.StringVal(tv.Value))
		if len(names) == 0 {
			return keyRes{from: KeyConst} // reads nothing
		}
		return constKeys(names)
	}
	if r := s.keyOf(e, 0); r.from == KeyParam {
		return keyRes{from: KeyTemplateParam, param: r.param}
	}
	// The text is data: a template or configuration text whose $NAME
	// references choose the variables read.
	return keyRes{from: KeyDynamic, origin: dataOrigin}
}

// nameOf resolves the variable name e holds, with the origin of a
// computed name's unknown part.
func (s *scope) nameOf(e ast.Expr) keyRes {
	r := s.keyOf(e, 0)
	if isComputedName(r.from) && r.origin.flags == 0 {
		r.origin = s.originOf(e, 0)
	}
	return r
}

// fromKeyRes turns a resolved key into accesses.
func fromKeyRes(a Access, r keyRes) []Access {
	switch r.from {
	case KeyConst:
		out := make([]Access, 0, len(r.consts))
		for _, k := range r.consts {
			c := a
			c.From, c.Key, c.Param = KeyConst, k, 0
			out = append(out, c)
		}
		return out
	case KeyParam, KeyParamElem, KeyTemplateParam:
		a.From, a.Key, a.Param = r.from, "", r.param
		return []Access{a}
	case KeyPrefix:
		a.From, a.Key = KeyPrefix, r.prefix
		return []Access{withOrigin(a, r.origin)}
	}
	a.From, a.Key = KeyDynamic, ""
	return []Access{withOrigin(a, r.origin)}
}

// instantiate resolves a callee's parameter-keyed access at a call site:
// lookup("API_KEY") turns envRead($0) into envRead(API_KEY). Without a call
// (a use as a value) the key becomes dynamic.
func instantiate(a Access, call *ast.CallExpr, s *scope) []Access {
	if a.From == KeyParamTags {
		return instantiateTags(a, call, s)
	}
	switch a.From {
	case KeyParam, KeyParamElem, KeyTemplateParam:
	default:
		return []Access{resolveOrigin(a, call, s)}
	}
	arg := argFor(call, a.Param, s.info)
	if arg == nil {
		return fromKeyRes(a, dynamic)
	}
	switch a.From {
	case KeyParam:
		return fromKeyRes(a, s.nameOf(arg))
	case KeyParamElem:
		r := s.elemsOf(arg, false, 0)
		if isComputedName(r.from) && r.origin.flags == 0 {
			r.origin = s.baseOrigin(arg, 0) // an element of arg
		}
		return fromKeyRes(a, r)
	default:
		return fromKeyRes(a, s.templateOf(arg))
	}
}

// namingHop returns h, the call that turned the callee's access a into
// inst, marked Names when the call passed the variable's name: a
// parameter-keyed access resolved to a constant there, or a name that
// became one data chooses there (lib.Lookup(r.FormValue("name"))).
func namingHop(a, inst Access, h Hop) Hop {
	if a.From.IsParam() && inst.From == KeyConst || !a.NameFromData() && inst.NameFromData() {
		h.Names = true
	}
	return h
}

// argFor returns the argument passed for parameter i, or nil when it cannot
// be told (no call, a variadic parameter, f(g()) with a multi-value g).
func argFor(call *ast.CallExpr, i int, info *types.Info) ast.Expr {
	if call == nil {
		return nil
	}
	if isMethodExpr(call, info) {
		i++ // T.Get(recv, name): the receiver comes first
	}
	if i >= len(call.Args) {
		return nil
	}
	if sig, ok := info.TypeOf(call.Fun).Underlying().(*types.Signature); ok {
		if sig.Params().Len() != len(call.Args) && !sig.Variadic() {
			return nil
		}
		if sig.Variadic() && i >= sig.Params().Len()-1 {
			return nil
		}
	}
	return call.Args[i]
}

// isMethodExpr reports whether call calls a method expression, T.Get(recv,
// ...), whose first argument is the receiver.
func isMethodExpr(call *ast.CallExpr, info *types.Info) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	sn := info.Selections[sel]
	return sn != nil && sn.Kind() == types.MethodExpr
}

// sinkValue records a sink used as a value: its key is unknown.
//
//	template.FuncMap{"env": os.Getenv}
func (w *walker) sinkValue(e ast.Expr, s sink) {
	if s.cmdMethod {
		return
	}
	// Whoever calls the value picks the name: a template's text
	// ({{env "X"}}), a library's configuration.
	a := Access{Kind: s.kind, Op: s.op, From: KeyDynamic, Origin: dataOrigin.flags, Path: []Hop{w.hop(e.Pos(), s.op, nil, true)},
		Locks: w.st.held(w.b, e.Pos()), Guard: w.b.scope.guardAt(w.b.block, e.Pos())}
	switch s.key {
	case keyAll:
		a.From = KeyAll
	case keyFixed:
		for _, inst := range fromKeyRes(a, keyRes{from: KeyConst, consts: s.keys}) {
			w.add(inst)
		}
		return
	}
	w.add(a)
}

func (w *walker) isGetenvRef(e ast.Expr) bool {
	var fn *types.Func
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		fn, _ = w.st.info.Uses[e.Sel].(*types.Func)
	case *ast.Ident:
		fn, _ = w.st.info.Uses[e].(*types.Func)
	}
	return fn != nil && getenvMappings[names.Full(fn)]
}

// inherits reports whether an *exec.Cmd method call starts a child that
// copies the environment: the command was built in place, or is a local
// variable whose Env field is never assigned in the enclosing function.
// Commands held elsewhere (fields, parameters) are not judged (fail open).
//
//	exec.Command("x").Run()          // inherits
//	cmd := exec.Command("x"); cmd.Run()   // inherits
//	cmd.Env = env; cmd.Run()         // does not
func (w *walker) inherits(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && w.inheritsCmd(sel.X)
}

// inheritsCmd reports whether the command x is one built here whose Env
// is not set (see inherits).
func (w *walker) inheritsCmd(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.CallExpr:
		if cmd := shimCmd(w.st.info, x); cmd != nil { //   profileenv.SetCmdEnv(ctx, cmd).Run()
			return w.inheritsCmd(cmd)
		}
		return w.builtHere(x)
	case *ast.Ident:
		v, ok := w.st.info.Uses[x].(*types.Var)
		if !ok || w.b.scope.paramIndex(v) >= 0 || w.b.scope.defs[v] == nil {
			return false
		}
		built := false
		for _, d := range w.b.scope.defs[v] {
			if d.rhs != nil && !w.builtHere(d.rhs) {
				return false //   cmd := newCmd(): Env may be set there
			}
			built = built || d.rhs != nil
		}
		return built && !w.b.scope.envSet[v]
	}
	return false
}

// shimCmd returns cmd for a call profileenv.SetCmdEnv(ctx, cmd), or nil.
// Without a profile it leaves cmd.Env as it is.
func shimCmd(info *types.Info, call *ast.CallExpr) ast.Expr {
	fn := typeutil.StaticCallee(info, call)
	if fn == nil || names.Full(fn) != shimPath+".SetCmdEnv" || len(call.Args) != 2 {
		return nil
	}
	return call.Args[1]
}

// cmdThroughShim reports whether the receiver of the exec.Cmd method call
// gets its Env from profileenv (profileenv.SetCmdEnv(ctx, cmd).Run(), or a
// command from profileenv.Command): with a profile attached, the child
// sees the profile, not the process environment.
func (w *walker) cmdThroughShim(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	switch x := ast.Unparen(sel.X).(type) {
	case *ast.CallExpr:
		return shimCmd(w.st.info, x) != nil || isShimCommand(w.st.info, x)
	case *ast.Ident:
		v, ok := w.st.info.Uses[x].(*types.Var)
		if !ok || len(w.b.scope.defs[v]) == 0 {
			return false
		}
		for _, d := range w.b.scope.defs[v] {
			if d.rhs == nil || !isShimCommand(w.st.info, d.rhs) {
				return false
			}
		}
		return true
	}
	return false
}

// isShimCommand reports whether e is a call of profileenv.Command.
func isShimCommand(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := typeutil.StaticCallee(info, call)
	return fn != nil && names.Full(fn) == shimPath+".Command"
}

// builtHere reports whether e builds a command in place: exec.Command,
// exec.CommandContext or an exec.Cmd literal, or profileenv.Command,
// which leaves cmd.Env nil when no profile is attached. A command returned by another function may have its Env set
// there, so it is not judged (fail open).
func (w *walker) builtHere(e ast.Expr) bool {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok {
		e = u.X
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := typeutil.StaticCallee(w.st.info, e)
		if fn == nil {
			return false
		}
		switch names.Full(fn) {
		case "os/exec.Command", "os/exec.CommandContext", shimPath + ".Command":
			return true
		}
		return false
	case *ast.CompositeLit:
		return true
	}
	return false
}

// commandsWithEnv returns the local variables of body whose Env field is
// assigned (cmd.Env = ..., or &exec.Cmd{Env: ...}).
func commandsWithEnv(body *ast.BlockStmt, info *types.Info) map[*types.Var]bool {
	set := map[*types.Var]bool{}
	mark := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := info.ObjectOf(id).(*types.Var); ok {
				set[v] = true
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok { //   var cmd = &exec.Cmd{Env: env}
			for i, id := range vs.Names {
				if i < len(vs.Values) && litSetsEnv(vs.Values[i]) {
					mark(id)
				}
			}
			return true
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, l := range as.Lhs {
			if sel, ok := l.(*ast.SelectorExpr); ok && sel.Sel.Name == "Env" {
				mark(sel.X)
			}
			if i < len(as.Rhs) && litSetsEnv(as.Rhs[i]) {
				mark(l)
			}
		}
		return true
	})
	return set
}

func litSetsEnv(e ast.Expr) bool {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok {
		e = u.X
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Env" {
				return true
			}
		}
	}
	return false
}
