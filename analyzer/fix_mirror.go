package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/names"
	"github.com/credlint/credlint/internal/typeis"
	"github.com/credlint/credlint/passes/envaccess"
)

// mirror is a swap-and-restore of one variable around one call, all in one
// block:
//
//	old := os.Getenv("K")        // save: optional, used only by the restore
//	mu.Lock()                    // optional lock around the set
//	os.Setenv("K", v)            // set
//	mu.Unlock()
//	defer os.Setenv("K", old)    // restore: deferred, or after the call;
//	                             // os.Unsetenv("K") also restores
//	res, err := probe(ctx, ...)  // the only call, taking a context
//
// mirrorFix turns it into res, err := probe(profileenv.Setenv(ctx, "K", v), ...).
type mirror struct {
	block   *ast.BlockStmt
	set     int   // index of the set statement
	restore int   // index of the restore statement
	drop    []int // statements deleted by the fix (save, set, restore, locks)
	key     constant.Value
	setCall *ast.CallExpr
	ctxArg  ast.Expr      // the context argument of the call
	call    *ast.CallExpr // the call that gets the derived context
}

// mirrorFix offers the fix for an access that is the save, the set or the
// restore of a recognised mirror (each of them gets the same fix), when the call reads the variable only through its
// context (its summary has no read of it), so that behaviour is kept.
func (fx *fixer) mirrorFix(sink *ast.CallExpr, file *ast.File) []analysis.SuggestedFix {
	path, _ := astutil.PathEnclosingInterval(file, sink.Pos(), sink.End())
	var block *ast.BlockStmt
	idx := -1
	for i, n := range path {
		if b, ok := n.(*ast.BlockStmt); ok && i > 0 {
			for j, st := range b.List {
				if st == path[i-1] {
					block, idx = b, j
				}
			}
			break
		}
	}
	if block == nil || dotImports(file, "os") {
		return nil // deleting the mirror could leave import . "os" unused
	}
	m := fx.findMirror(block, idx)
	if m == nil || fx.callReadsKey(m) || !fx.movable(m) {
		return nil
	}
	shim, imp, ok := fx.importName(file, shimPath, "profileenv", sink.Pos())
	if !ok {
		return nil
	}
	ctx, key, value := fx.source(m.ctxArg), fx.source(m.setCall.Args[0]), fx.source(m.setCall.Args[1])
	if ctx == "" || key == "" || value == "" {
		return nil
	}
	edits := append([]analysis.TextEdit(nil), imp...)
	for _, i := range m.drop {
		edits = append(edits, fx.deleteLines(m.block.List[i]))
	}
	edits = append(edits, analysis.TextEdit{Pos: m.ctxArg.Pos(), End: m.ctxArg.End(),
		NewText: []byte(shim + ".Setenv(" + ctx + ", " + key + ", " + value + ")")})
	return []analysis.SuggestedFix{{
		Message:   "Replace the swap-and-restore with profileenv.Setenv on the call's context",
		TextEdits: dedupEdits(edits),
	}}
}

// findMirror returns the mirror whose save, set or restore statement is idx.
func (fx *fixer) findMirror(b *ast.BlockStmt, idx int) *mirror {
	for i := range b.List {
		if m := fx.mirrorAt(b, i); m != nil && contains(m.drop, idx) {
			return m
		}
	}
	return nil
}

// mirrorAt recognises a mirror whose set statement is b.List[i].
func (fx *fixer) mirrorAt(b *ast.BlockStmt, i int) *mirror {
	set := fx.envCall(b.List[i], "os.Setenv")
	if set == nil || len(set.Args) != 2 {
		return nil
	}
	key := fx.constKey(set.Args[0])
	if key == nil {
		return nil
	}
	m := &mirror{block: b, set: i, restore: -1, key: key, setCall: set}
	m.drop = append(m.drop, fx.lockedAround(b, i)...)
	var body []int
	for j := i + 1; j < len(b.List); j++ {
		if contains(m.drop, j) {
			continue
		}
		if m.restore < 0 && fx.isRestore(b.List[j], key) {
			m.restore = j
			m.drop = append(m.drop, fx.lockedAround(b, j)...)
			if _, deferred := b.List[j].(*ast.DeferStmt); !deferred {
				break
			}
			continue
		}
		body = append(body, j)
	}
	if m.restore < 0 {
		return nil
	}
	if !fx.oneContextCall(m, body) || !fx.saveOnlyRestores(m, i) {
		return nil
	}
	m.drop = append(m.drop, m.set, m.restore)
	return m
}

// oneContextCall finds the one call between set and restore that takes a
// context.Context argument, and checks that no other call there reads the
// variable from the process environment (it would stop seeing the value).
// Calls through interfaces and function values are taken as not reading
// it, as elsewhere: credlint fails open.
func (fx *fixer) oneContextCall(m *mirror, body []int) bool {
	var others []*ast.CallExpr
	ctxCalls := 0
	for _, j := range body {
		ast.Inspect(m.block.List[j], func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if tv, ok := fx.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
				return true // a conversion
			}
			for _, a := range call.Args {
				if typeis.Named(fx.pass.TypesInfo.TypeOf(a), "context", "Context") {
					ctxCalls++
					m.ctxArg, m.call = a, call
					return true
				}
			}
			others = append(others, call)
			return true
		})
	}
	if ctxCalls != 1 {
		return false
	}
	for _, c := range others {
		if fx.readsKey(c, m.key) {
			return false
		}
	}
	return true
}

// saveOnlyRestores finds the save statement before set, if the restore
// uses one, and checks that its variables are used nowhere else.
func (fx *fixer) saveOnlyRestores(m *mirror, set int) bool {
	restore := m.block.List[m.restore]
	var saved *types.Var
	ast.Inspect(restore, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := fx.pass.TypesInfo.Uses[id].(*types.Var); ok && !v.IsField() {
				saved = v
			}
		}
		return true
	})
	if saved == nil {
		return true
	}
	for j := 0; j < set; j++ {
		as, ok := m.block.List[j].(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Rhs) != 1 {
			continue
		}
		if fx.pass.TypesInfo.Defs[identOf(as.Lhs[0])] != saved {
			continue
		}
		read, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok || (fx.calleeName(read) != "os.Getenv" && fx.calleeName(read) != "os.LookupEnv") {
			return false
		}
		for _, l := range as.Lhs {
			if v, ok := fx.pass.TypesInfo.Defs[identOf(l)].(*types.Var); ok && fx.usedOutside(v, restore) {
				return false
			}
		}
		m.drop = append(m.drop, j)
		return true
	}
	return false
}

// callReadsKey reports whether the call that gets the context still reads
// the mirrored variable from the process environment, in which case moving
// the value to the context would change what it sees.
func (fx *fixer) callReadsKey(m *mirror) bool { return fx.readsKey(m.call, m.key) }

// readsKey reports whether a call reads the variable key (or one named at
// run time, or the whole environment) from the process environment, or
// starts a child that inherits it: after the fix the process environment
// no longer holds the request's value, so the child would not see it
// (child=abc would become child=). Reads and children through profileenv
// see the context the fix passes, which holds the value.
func (fx *fixer) readsKey(call *ast.CallExpr, key constant.Value) bool {
	callee := typeutil.StaticCallee(fx.pass.TypesInfo, call)
	if callee == nil {
		return false
	}
	if s := names.Full(callee); s == "os.Getenv" || s == "os.LookupEnv" || s == "os.Environ" || s == "os.ExpandEnv" {
		return true
	}
	for _, a := range fx.env.FuncAccesses(callee) {
		switch {
		case a.Shim:
		case a.Kind == envaccess.Inherit:
			return true
		case a.Kind == envaccess.Read && (a.From != envaccess.KeyConst || a.Key == constant.StringVal(key)):
			return true
		}
	}
	return false
}

// envCall returns the call of the named function (a FullName) that the
// statement consists of, or nil.
func (fx *fixer) envCall(st ast.Stmt, fullName string) *ast.CallExpr {
	var e ast.Expr
	switch st := st.(type) {
	case *ast.ExprStmt:
		e = st.X
	case *ast.DeferStmt:
		e = st.Call
	default:
		return nil
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || fx.calleeName(call) != fullName {
		return nil
	}
	return call
}

// isRestore reports whether st puts the variable key back:
// [defer] os.Setenv(key, x) or [defer] os.Unsetenv(key).
func (fx *fixer) isRestore(st ast.Stmt, key constant.Value) bool {
	for _, name := range []string{"os.Setenv", "os.Unsetenv"} {
		if call := fx.envCall(st, name); call != nil && len(call.Args) > 0 {
			if k := fx.constKey(call.Args[0]); k != nil && constant.Compare(k, token.EQL, key) {
				return true
			}
		}
	}
	return false
}

// lockedAround returns the indexes of x.Lock() right before b.List[i] and
// x.Unlock() right after it, when both are there.
func (fx *fixer) lockedAround(b *ast.BlockStmt, i int) []int {
	if i == 0 || i+1 >= len(b.List) {
		return nil
	}
	lock, unlock := methodCall(b.List[i-1], "Lock"), methodCall(b.List[i+1], "Unlock")
	if lock == nil || unlock == nil || types.ExprString(lock) != types.ExprString(unlock) {
		return nil
	}
	return []int{i - 1, i + 1}
}

// methodCall returns x for a statement x.name().
func methodCall(st ast.Stmt, name string) ast.Expr {
	es, ok := st.(*ast.ExprStmt)
	if !ok {
		return nil
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return nil
	}
	return sel.X
}

func (fx *fixer) constKey(e ast.Expr) constant.Value {
	if tv, ok := fx.pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return tv.Value
	}
	return nil
}

func (fx *fixer) calleeName(call *ast.CallExpr) string {
	if fn := typeutil.StaticCallee(fx.pass.TypesInfo, call); fn != nil {
		return names.Full(fn)
	}
	return ""
}

// usedOutside reports whether v is used anywhere outside node.
func (fx *fixer) usedOutside(v *types.Var, node ast.Node) bool {
	for id, obj := range fx.pass.TypesInfo.Uses {
		if obj == v && (id.Pos() < node.Pos() || id.Pos() >= node.End()) {
			return true
		}
	}
	return false
}

// deleteLines removes a statement with the lines it stands on.
func (fx *fixer) deleteLines(st ast.Stmt) analysis.TextEdit {
	tf := fx.pass.Fset.File(st.Pos())
	start := tf.LineStart(tf.Line(st.Pos()))
	end := st.End()
	if last := tf.Line(st.End()); last < tf.LineCount() {
		end = tf.LineStart(last + 1)
	}
	return analysis.TextEdit{Pos: start, End: end}
}

// source returns the source text of an expression, comments included,
// or "" when the file cannot be read. (types.ExprString abbreviates
// composite and function literals and drops comments.)
func (fx *fixer) source(e ast.Expr) string {
	tf := fx.pass.Fset.File(e.Pos())
	if tf == nil {
		return ""
	}
	data, err := fx.readFile(tf.Name())
	if err != nil || len(data) != tf.Size() {
		return "" // not the file that was parsed
	}
	return string(data[tf.Offset(e.Pos()):tf.Offset(e.End())])
}

// movable reports whether the key and the value of the set mean the same
// at the call that gets them: each variable, constant or function they
// name resolves there to the same object, and no variable they use is
// assigned or has its address taken between the set and the call.
//
//	os.Setenv("K", key)
//	if key := "other"; probe(ctx) {   // key is another variable here
func (fx *fixer) movable(m *mirror) bool {
	dest := m.ctxArg.Pos()
	scope := fx.pass.Pkg.Scope().Innermost(dest)
	if scope == nil {
		return false
	}
	used := map[types.Object]bool{}
	same := true
	var visit func(arg ast.Expr) func(ast.Node) bool
	visit = func(arg ast.Expr) func(ast.Node) bool {
		return func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				ast.Inspect(n.X, visit(arg)) // n.Sel is a field, method or qualified name
				return false
			case *ast.Ident:
				obj := fx.pass.TypesInfo.Uses[n]
				if obj == nil || obj.Parent() == nil || (arg.Pos() <= obj.Pos() && obj.Pos() < arg.End()) {
					return false // a field (T{f: v}), or declared inside arg
				}
				if _, found := scope.LookupParent(n.Name, dest); found != obj {
					same = false // shadowed at the call
				}
				used[obj] = true
			}
			return true
		}
	}
	for _, arg := range m.setCall.Args {
		ast.Inspect(arg, visit(arg))
	}
	if !same {
		return false
	}
	for j := m.set + 1; j < len(m.block.List) && m.block.List[j].Pos() < m.call.Pos(); j++ {
		if !contains(m.drop, j) && fx.assignsAny(m.block.List[j], used) {
			return false
		}
	}
	return true
}

// assignsAny reports whether st assigns, increments or takes the address
// of a variable in vars.
func (fx *fixer) assignsAny(st ast.Stmt, vars map[types.Object]bool) bool {
	found := false
	target := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok && vars[fx.pass.TypesInfo.ObjectOf(id)] {
			found = true
		}
	}
	ast.Inspect(st, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				target(l)
			}
		case *ast.IncDecStmt:
			target(n.X)
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				target(n.Key)
				target(n.Value)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				target(n.X)
			}
		}
		return !found
	})
	return found
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := e.(*ast.Ident)
	return id
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
