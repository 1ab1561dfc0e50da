package envaccess

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// This file finds what the conditions around an access tell (issue 13,
// section 2):
//
//   - a fallback guard: the access only runs when an explicit value, a
//     parameter or a field of one (or of the receiver), is missing:
//     if opts.Token == "" { opts.Token = os.Getenv("X_TOKEN") }
//     A call that passes a value there discharges the access (guardcall.go);
//   - a switch guard, the opposite polarity: the access only runs when a
//     boolean parameter or field is true:
//     if unsetEnvironment { os.Unsetenv("NOTIFY_SOCKET") }
//     A call that passes the constant false there (or a literal leaving
//     the field out) discharges the access;
//   - a key constraint: the variable holding the name is compared with
//     constants or checked for a prefix:
//     if k == "SOME_FLAG" { os.Setenv(k, v) }
//     switch k { case "A", "B": os.Setenv(k, v) }
//     if strings.HasPrefix(k, "APP_") { os.Setenv(k, v) }
//
// Both come from one walk of a function's body, made only when something
// asks: an access of the body, or a key that is a variable.

// Guard says an access only runs when an explicit value is missing, or,
// with Set, only when a boolean is true. The zero Guard is no guard.
// Slot > 0 is a pending guard, one that the calls of the function holding
// the summary can tell: the value is the receiver (Slot 1) or parameter
// Slot-2, or its field Field ("Opts.Token"). Slot 0 with a Text is a
// guard no call can discharge any more; it only makes the message say the
// access is a fallback (or, with Set, runs only when Text holds).
type Guard struct {
	Slot  int
	Field string
	Text  string // the condition, for messages: opts.Token == ""
	Set   bool   // the access runs when the value is true, not missing
}

// Pending reports whether calls can still discharge the access.
func (g Guard) Pending() bool { return g.Slot > 0 }

// String renders the guard for fact strings: "$0.Token" (pending on
// parameter 0's field Token), "$r" (the receiver), "fallback" (no call
// can discharge it), or "" (none); a Set guard is "if $0.Unset" while
// pending and "if" once no call can discharge it.
func (g Guard) String() string {
	var s string
	switch {
	case g.Slot == 1:
		s = "$r"
	case g.Slot > 1:
		s = "$" + strconv.Itoa(g.Slot-2)
	case g.Text != "" && g.Set:
		return "if"
	case g.Text != "":
		return "fallback"
	default:
		return ""
	}
	if g.Field != "" {
		s += "." + g.Field
	}
	if g.Set {
		s = "if " + s
	}
	return s
}

// residual returns g with its parameter dropped: the message still names
// it, no call can discharge it.
func (g Guard) residual() Guard { return Guard{Text: g.Text, Set: g.Set} }

// meetGuards merges the guards of two paths to the same access: the access
// runs under a guard only if it does on both.
func meetGuards(a, b Guard) Guard {
	switch {
	case a == b:
		return a
	case a.Text == "" || b.Text == "" || a.Text != b.Text:
		return Guard{}
	}
	return a.residual()
}

// innerGuard combines the guard an access has in a callee (inner) with the
// guard of the call that reaches it (outer): a pending guard wins, the
// callee's first, since it can still be discharged.
func innerGuard(inner, outer Guard) Guard {
	switch {
	case inner.Pending():
		return inner
	case outer.Pending():
		return outer
	case inner.Text != "":
		return inner
	}
	return outer
}

// cond is what a condition tells when it has a given truth value: a
// fallback guard, or a key constraint on variable v.
type cond struct {
	guard  Guard
	v      *types.Var
	consts []string // v is one of these names
	prefix string   // v starts with prefix (when consts is nil)
}

// region is a range of positions where conds hold.
type region struct {
	from, to token.Pos
	conds    []cond
}

// guardInfo holds the regions of one function body, built on first use.
// The root literals and blocks inside it share it.
type guardInfo struct {
	owner   *scope // the declaration's scope, which knows its parameters
	block   *ast.BlockStmt
	built   bool
	regions []region                // in source order of their start
	okFrom  map[*types.Var]ast.Expr // ok of v, ok := x.Get(k) -> x.Get(k)
	at      map[[2]token.Pos]Guard  // guardAt's answers, by body and position
}

// guardAt returns the innermost fallback guard around pos inside b (the
// code around a root literal does not guard it: the root runs on its own).
func (s *scope) guardAt(b *ast.BlockStmt, pos token.Pos) Guard {
	regions := s.regionsOf()
	if len(regions) == 0 {
		return Guard{}
	}
	gi := s.guards
	if gi.owner != nil {
		gi = gi.owner.guards
	}
	k := [2]token.Pos{b.Pos(), pos}
	if g, ok := gi.at[k]; ok {
		return g
	}
	var best Guard
	from := token.NoPos
	for _, r := range regions {
		if r.from > pos {
			break
		}
		if pos >= r.to || r.from < b.Pos() || r.from < from {
			continue
		}
		for _, c := range r.conds {
			if c.guard.Text != "" {
				best, from = c.guard, r.from
			}
		}
	}
	if gi.at == nil {
		gi.at = map[[2]token.Pos]Guard{}
	}
	gi.at[k] = best
	return best
}

// constraintAt returns the names the innermost condition around pos
// allows for v.
func (s *scope) constraintAt(v *types.Var, pos token.Pos) (keyRes, bool) {
	var best *cond
	for _, r := range s.regionsOf() {
		if r.from > pos {
			break
		}
		if pos >= r.to {
			continue
		}
		for i := range r.conds {
			if r.conds[i].v == v {
				best = &r.conds[i]
			}
		}
	}
	switch {
	case best == nil:
		return keyRes{}, false
	case best.consts != nil:
		return constKeys(append([]string(nil), best.consts...)), true
	}
	return keyRes{from: KeyPrefix, prefix: best.prefix}, true
}

func (s *scope) regionsOf() []region {
	gi := s.guards
	switch {
	case gi == nil:
		return nil
	case gi.built:
		return gi.regions
	case gi.owner != s:
		return gi.owner.regionsOf()
	}
	gi.built = true
	gi.okFrom = map[*types.Var]ast.Expr{}
	ast.Inspect(gi.block, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			s.noteOK(n)
		case *ast.IfStmt:
			if as, ok := n.Init.(*ast.AssignStmt); ok {
				s.noteOK(as) //   if v, ok := opts.Get(k); !ok
			}
			s.ifRegions(n)
		case *ast.SwitchStmt:
			s.switchRegions(n)
		case *ast.BlockStmt:
			s.afterReturn(n.List, n.End())
		case *ast.CaseClause:
			s.afterReturn(n.Body, n.End())
		case *ast.CommClause:
			s.afterReturn(n.Body, n.End())
		}
		return true
	})
	sortBy(gi.regions, func(r region) string { return posKey(r.from) })
	return gi.regions
}

// posKey orders positions as strings (sortBy is stable).
func posKey(p token.Pos) string {
	s := strconv.Itoa(int(p))
	return strings.Repeat("0", 20-len(s)) + s
}

func (s *scope) addRegion(from, to token.Pos, conds []cond) {
	if len(conds) > 0 {
		s.guards.regions = append(s.guards.regions, region{from, to, conds})
	}
}

// noteOK remembers where the ok of a comma-ok assignment comes from.
func (s *scope) noteOK(as *ast.AssignStmt) {
	if len(as.Lhs) != 2 || len(as.Rhs) != 1 {
		return
	}
	if id, ok := as.Lhs[1].(*ast.Ident); ok {
		if v, ok := s.info.ObjectOf(id).(*types.Var); ok {
			s.guards.okFrom[v] = as.Rhs[0]
		}
	}
}

// if c { then } else { els }
func (s *scope) ifRegions(n *ast.IfStmt) {
	s.addRegion(n.Body.Pos(), n.Body.End(), s.condsOf(n.Cond, true, n.Cond.Pos()))
	if n.Else != nil {
		s.addRegion(n.Else.Pos(), n.Else.End(), s.condsOf(n.Cond, false, n.Cond.Pos()))
	}
}

// afterReturn adds, for each if statement of list without an else whose
// body ends the function or the loop turn, a region from its end to the
// end of the list, where its condition is false:
//
//	if c.key != "" { return c.key }
//	return os.Getenv("API_KEY")   // only when c.key == ""
func (s *scope) afterReturn(list []ast.Stmt, end token.Pos) {
	for _, st := range list {
		n, ok := st.(*ast.IfStmt)
		if !ok || n.Else != nil || len(n.Body.List) == 0 || !terminates(n.Body.List[len(n.Body.List)-1]) {
			continue
		}
		s.addRegion(n.End(), end, s.condsOf(n.Cond, false, n.Cond.Pos()))
	}
}

// switch k { case "A", "B": ... }
// switch { case opts.Token == "": ... }
func (s *scope) switchRegions(n *ast.SwitchStmt) {
	for _, st := range n.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok || len(cc.List) == 0 {
			continue
		}
		var conds []cond
		switch {
		case n.Tag != nil:
			if v := s.localVar(n.Tag); v != nil {
				if consts, ok := s.constNames(cc.List); ok {
					conds = []cond{{v: v, consts: consts}}
				}
			}
		case len(cc.List) == 1:
			conds = s.condsOf(cc.List[0], true, cc.List[0].Pos())
		}
		s.addRegion(cc.Colon, cc.End(), conds)
	}
}
