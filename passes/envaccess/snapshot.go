package envaccess

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/credlint/credlint/internal/names"
)

// This file recognises whole-environment snapshots that the code filters
// before using them (issue 13, section 4): a loop over os.Environ() that
// skips entries by exact name or by prefix never sees those variables, so
// it does not race with writes of them.
//
//	for _, e := range os.Environ() {
//		if strings.HasPrefix(e, "APP_") || strings.HasPrefix(e, "TOKEN=") {
//			continue
//		}
//		...
//	}
//
// The read keeps KeyAll, with Key holding what it leaves out, sorted and
// comma-separated: "APP_*,TOKEN" (a prefix ends in "*"). The loop may
// range over the call itself or over a local defined by it and used
// nowhere else. The filters recognised are the leading statements of the
// loop body: k, v, ok := strings.Cut(e, "=") (naming the entry's name k),
// then if statements whose body is only continue, whose condition is a
// || of strings.HasPrefix(e or k, "LIT") and k == "LIT" terms (terms of
// other shapes add nothing; a && gives nothing).

// ExcludesKey reports whether a whole-environment read leaves the
// variable key out (see snapshot.go).
func (a *Access) ExcludesKey(key string) bool {
	if a.From != KeyAll || a.Key == "" {
		return false
	}
	for _, x := range strings.Split(a.Key, ",") {
		if p, ok := strings.CutSuffix(x, "*"); ok && strings.HasPrefix(key, p) || x == key {
			return true
		}
	}
	return false
}

// environSinks are the calls whose result is the environment's entries.
var environSinks = map[string]bool{"os.Environ": true, "syscall.Environ": true}

// snapshotExcept returns what the loop that ranges over call leaves out
// ("" when nothing is known).
func (st *state) snapshotExcept(call *ast.CallExpr) string {
	if st.snapshots == nil {
		st.findSnapshots()
	}
	return st.snapshots[call]
}

// findSnapshots fills st.snapshots for every filtered loop of the package.
func (st *state) findSnapshots() {
	st.snapshots = map[*ast.CallExpr]string{}
	uses := map[*types.Var]int{}
	for _, obj := range st.info.Uses {
		if v, ok := obj.(*types.Var); ok {
			uses[v]++
		}
	}
	defs := map[*types.Var]*ast.CallExpr{}
	for _, f := range st.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && as.Tok == token.DEFINE && len(as.Lhs) == 1 && len(as.Rhs) == 1 {
				id, _ := as.Lhs[0].(*ast.Ident)
				if v, ok := st.info.Defs[id].(*types.Var); ok && id != nil && st.isEnviron(as.Rhs[0]) != nil {
					defs[v] = st.isEnviron(as.Rhs[0])
				}
			}
			rs, ok := n.(*ast.RangeStmt)
			if !ok || rs.Value == nil {
				return true
			}
			call := st.isEnviron(rs.X)
			if id, ok := ast.Unparen(rs.X).(*ast.Ident); ok && call == nil {
				if v, ok := st.info.Uses[id].(*types.Var); ok && uses[v] == 1 {
					call = defs[v]
				}
			}
			if call != nil {
				if ex := st.loopExcept(rs); ex != "" {
					st.snapshots[call] = ex
				}
			}
			return true
		})
	}
}

// isEnviron returns e as a call of os.Environ or syscall.Environ, or nil.
func (st *state) isEnviron(e ast.Expr) *ast.CallExpr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	if fn, ok := st.info.Uses[calleeIdent(call.Fun)].(*types.Func); ok && environSinks[names.Full(fn)] {
		return call
	}
	return nil
}

// loopExcept reads the leading filters of a loop over the entries.
func (st *state) loopExcept(rs *ast.RangeStmt) string {
	id, ok := rs.Value.(*ast.Ident)
	if !ok {
		return ""
	}
	entry, _ := st.info.ObjectOf(id).(*types.Var)
	if entry == nil {
		return ""
	}
	name := map[*types.Var]bool{} // variables holding the entry's name
	var out []string
	for _, s := range rs.Body.List {
		if v := st.cutName(s, entry); v != nil {
			name[v] = true
			continue
		}
		is, ok := s.(*ast.IfStmt)
		if !ok || is.Init != nil || is.Else != nil || len(is.Body.List) != 1 {
			break
		}
		if br, ok := is.Body.List[0].(*ast.BranchStmt); !ok || br.Tok != token.CONTINUE || br.Label != nil {
			break
		}
		out = append(out, st.skipTerms(is.Cond, entry, name)...)
	}
	slices.Sort(out)
	return strings.Join(slices.Compact(out), ",")
}

// cutName returns k for k, ... := strings.Cut(entry, "="), or nil.
func (st *state) cutName(s ast.Stmt, entry *types.Var) *types.Var {
	as, ok := s.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) != 3 {
		return nil
	}
	call, ok := as.Rhs[0].(*ast.CallExpr)
	if !ok || len(call.Args) != 2 || !st.isFunc(call.Fun, "strings.Cut") || !st.isVar(call.Args[0], entry) || st.stringLit(call.Args[1]) != "=" {
		return nil
	}
	id, _ := as.Lhs[0].(*ast.Ident)
	v, _ := st.info.ObjectOf(id).(*types.Var)
	return v
}

// skipTerms returns the names and prefixes a continue condition skips.
func (st *state) skipTerms(cond ast.Expr, entry *types.Var, name map[*types.Var]bool) []string {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LOR:
			return append(st.skipTerms(c.X, entry, name), st.skipTerms(c.Y, entry, name)...)
		case token.EQL:
			if id, ok := ast.Unparen(c.X).(*ast.Ident); ok && name[st.varOf(id)] {
				if lit := st.stringLit(c.Y); lit != "" {
					return []string{lit}
				}
			}
		}
	case *ast.CallExpr:
		if len(c.Args) != 2 || !st.isFunc(c.Fun, "strings.HasPrefix") {
			return nil
		}
		lit := st.stringLit(c.Args[1])
		id, ok := ast.Unparen(c.Args[0]).(*ast.Ident)
		if lit == "" || !ok {
			return nil
		}
		switch v := st.varOf(id); {
		case v == entry:
			if n, rest, ok := strings.Cut(lit, "="); ok {
				if rest == "" && n != "" {
					return []string{n} // "TOKEN=": that name exactly
				}
				return nil
			}
			return []string{lit + "*"}
		case name[v]:
			return []string{lit + "*"}
		}
	}
	return nil
}

func (st *state) isFunc(e ast.Expr, full string) bool {
	fn, ok := st.info.Uses[calleeIdent(e)].(*types.Func)
	return ok && names.Full(fn) == full
}

func (st *state) isVar(e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && st.varOf(id) == v
}

func (st *state) varOf(id *ast.Ident) *types.Var {
	v, _ := st.info.Uses[id].(*types.Var)
	return v
}

func (st *state) stringLit(e ast.Expr) string {
	if tv, ok := st.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value)
	}
	return ""
}
