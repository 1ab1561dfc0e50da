package envaccess

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
)

// This file finds the concrete types the program converts to interfaces,
// so that an interface method call reaches only the implementations whose
// values can reach it (issue 13, section 4). A conversion is any place
// where a value of a concrete type is used where an interface is expected:
// an explicit conversion, an assignment or variable declaration with an
// interface type, an argument, a return value, a composite literal's
// element or field, a channel send. What is recorded is the named type
// (T and *T alike) and the method names of the interface, or "*" for an
// interface without methods (any, error's assertions aside), from which a
// type assertion can reach any interface.
//
// Each package exports the conversions it makes as a Conversions package
// fact, keeping only types that have a method reaching the environment,
// and only the method names such a method has, so that the fact is small
// and the dispatch of every dependent package can consult it.

// Conversions is the package fact listing the conversions a package makes
// of types with environment-reaching methods: "T.M" when a value of named
// type T (by its qualified name, pointer or not) is converted to an
// interface with a method M, "T.*" when to an interface without methods.
// Sorted, without duplicates.
//
// Carried lists, sorted by method and implementation, the
// implementations of other packages' interfaces carried by value for the
// units that cannot see them (carried.go).
type Conversions struct {
	Types   []string
	Carried []Dispatch
}

// AFact marks Conversions as an analysis fact.
func (*Conversions) AFact() {}

func (c *Conversions) String() string {
	s := "converted(" + strings.Join(c.Types, " ") + ")"
	for _, d := range c.Carried {
		s += " carried(" + d.String() + ")"
	}
	return s
}

// convKey names a named type for Conversions: its origin, qualified by
// package path.
func convKey(n *types.Named) string {
	return n.Origin().Obj().Pkg().Path() + "." + n.Obj().Name()
}

// namedOf returns the named concrete type of t or *t, or nil.
func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || types.IsInterface(n) || n.Obj().Pkg() == nil {
		return nil
	}
	return n.Origin()
}

// conversion is one recorded conversion: a value of named type to an
// interface with the method (or "*", without methods). iface names the
// interface that declares the method when another package's code can
// call it and carried.go carries it ("path.Iface.M"), or is "".
type conversion struct {
	named  *types.Named
	method string
	iface  string
}

// ifaceMethod is a method of the interface a value is converted to, with
// its dispatch key (dispatchKey).
type ifaceMethod struct {
	name, key string
}

// collectConversions records every conversion the package's code makes,
// except those into a local variable used only as the receiver of method
// calls: there the origin is visible to the call (origin.go), and the
// value goes nowhere else.
func (st *state) collectConversions() {
	st.localConv = map[conversion]bool{}
	c := &convScan{st: st, escapes: map[*types.Var]bool{}, skip: map[ast.Node]bool{}}
	for _, f := range st.pass.Files {
		ast.Inspect(f, c.visit)
	}
	for _, p := range c.pending {
		if c.escapes[p.v] {
			st.converted(p.to, p.e)
		}
	}
}

// convScan is the state of collectConversions over one package.
type convScan struct {
	st      *state
	stack   []ast.Node
	sigs    []*types.Signature // enclosing functions, for return statements
	escapes map[*types.Var]bool
	skip    map[ast.Node]bool // conversions deferred to pending
	pending []localConv
}

// localConv is a conversion into a local variable, kept if it escapes.
type localConv struct {
	v  *types.Var
	to types.Type
	e  ast.Expr
}

func (c *convScan) visit(n ast.Node) bool {
	st := c.st
	if n == nil {
		switch c.stack[len(c.stack)-1].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			c.sigs = c.sigs[:len(c.sigs)-1]
		}
		c.stack = c.stack[:len(c.stack)-1]
		return true
	}
	c.stack = append(c.stack, n)
	switch n := n.(type) {
	case *ast.FuncDecl:
		var sig *types.Signature
		if fn, ok := st.info.Defs[n.Name].(*types.Func); ok {
			sig, _ = fn.Type().(*types.Signature)
		}
		c.sigs = append(c.sigs, sig)
	case *ast.FuncLit:
		sig, _ := st.info.TypeOf(n).(*types.Signature)
		c.sigs = append(c.sigs, sig)
	case *ast.ReturnStmt:
		if len(c.sigs) > 0 && c.sigs[len(c.sigs)-1] != nil {
			st.convertedTuple(c.sigs[len(c.sigs)-1].Results(), n.Results)
		}
	case *ast.Ident:
		c.use(n)
	case *ast.AssignStmt:
		if len(n.Lhs) == len(n.Rhs) {
			for i := range n.Lhs {
				c.define(n.Lhs[i], st.info.TypeOf(n.Lhs[i]), n.Rhs[i])
			}
		}
	case *ast.ValueSpec:
		if n.Type != nil && len(n.Values) == len(n.Names) {
			for i, v := range n.Values {
				c.define(n.Names[i], st.info.TypeOf(n.Type), v)
			}
		}
	case *ast.CallExpr:
		if !c.skip[n] {
			st.callConversions(n)
		}
	default:
		st.conversionsAt(n)
	}
	return true
}

// define records the conversion of e into lhs, deferred when lhs is a
// local variable (also through an explicit conversion, Source(x)).
func (c *convScan) define(lhs ast.Expr, to types.Type, e ast.Expr) {
	var v *types.Var
	if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && id.Name != "_" { // var _ I = T{} asserts a conversion
		v, _ = c.st.info.ObjectOf(id).(*types.Var)
	}
	if v == nil || c.st.varID(v) != "" || v.IsField() {
		c.st.converted(to, e)
		return
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := c.st.info.Types[call.Fun]; ok && tv.IsType() {
			c.skip[call] = true
			c.pending = append(c.pending, localConv{v, tv.Type, call.Args[0]})
		}
	}
	c.pending = append(c.pending, localConv{v, to, e})
}

// use marks a local variable as escaping unless this use is the receiver
// of a method call (v.M()) or a definition of it.
func (c *convScan) use(id *ast.Ident) {
	v, ok := c.st.info.Uses[id].(*types.Var)
	if !ok || !types.IsInterface(v.Type()) {
		return
	}
	if n := len(c.stack); n >= 3 {
		sel, ok := c.stack[n-2].(*ast.SelectorExpr)
		call, ok2 := c.stack[n-3].(*ast.CallExpr)
		if ok && ok2 && sel.X == id && call.Fun == sel {
			return
		}
	}
	if n := len(c.stack); n >= 2 {
		if as, ok := c.stack[n-2].(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if l == id {
					return
				}
			}
		}
	}
	c.escapes[v] = true
}

// conversionsAt records the conversions of the other nodes.
func (st *state) conversionsAt(n ast.Node) {
	switch n := n.(type) {
	case *ast.SendStmt:
		if ch, ok := typeUnder[*types.Chan](st.info.TypeOf(n.Chan)); ok {
			st.converted(ch.Elem(), n.Value)
		}
	case *ast.CompositeLit:
		st.literalConversions(n)
	}
}

// callConversions records an explicit conversion I(x) and the arguments
// passed to interface-typed parameters (append's elements included).
func (st *state) callConversions(call *ast.CallExpr) {
	if tv, ok := st.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			st.converted(tv.Type, call.Args[0])
		}
		return
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "append" {
		if s, ok := typeUnder[*types.Slice](st.info.TypeOf(call)); ok && call.Ellipsis == 0 && len(call.Args) > 0 {
			for _, a := range call.Args[1:] {
				st.converted(s.Elem(), a)
			}
		}
		return
	}
	sig, ok := typeUnder[*types.Signature](st.info.TypeOf(call.Fun))
	if !ok {
		return
	}
	params := sig.Params()
	for i, a := range call.Args {
		switch {
		case i < params.Len()-1 || !sig.Variadic() && i < params.Len():
			st.converted(params.At(i).Type(), a)
		case sig.Variadic() && call.Ellipsis == 0 && params.Len() > 0:
			if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok {
				st.converted(s.Elem(), a)
			}
		}
	}
}

// literalConversions records the elements of a composite literal stored
// in interface-typed fields, elements, keys or values.
func (st *state) literalConversions(lit *ast.CompositeLit) {
	t := st.info.TypeOf(lit)
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	for i, e := range lit.Elts {
		kv, keyed := e.(*ast.KeyValueExpr)
		switch u := t.Underlying().(type) {
		case *types.Struct:
			switch {
			case keyed:
				if id, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := st.info.Uses[id].(*types.Var); ok {
						st.converted(f.Type(), kv.Value)
					}
				}
			case i < u.NumFields():
				st.converted(u.Field(i).Type(), e)
			}
		case *types.Map:
			if keyed {
				st.converted(u.Key(), kv.Key)
				st.converted(u.Elem(), kv.Value)
			}
		case *types.Slice:
			st.converted(u.Elem(), elemValue(e))
		case *types.Array:
			st.converted(u.Elem(), elemValue(e))
		}
	}
}

func elemValue(e ast.Expr) ast.Expr {
	if kv, ok := e.(*ast.KeyValueExpr); ok {
		return kv.Value
	}
	return e
}

// convertedTuple records the values of a return statement.
func (st *state) convertedTuple(results *types.Tuple, values []ast.Expr) {
	if results.Len() != len(values) {
		return
	}
	for i, v := range values {
		st.converted(results.At(i).Type(), v)
	}
}

// converted records that e's value is used where type to is expected.
func (st *state) converted(to types.Type, e ast.Expr) {
	if to == nil || e == nil {
		return
	}
	iface, ok := to.Underlying().(*types.Interface)
	if !ok {
		return
	}
	from := st.info.TypeOf(e)
	if from == nil || types.IsInterface(from) {
		return
	}
	methods := []ifaceMethod{{name: "*"}}
	if iface.NumMethods() > 0 {
		methods = methods[:0]
		for i := range iface.NumMethods() {
			m := iface.Method(i)
			methods = append(methods, ifaceMethod{m.Name(), st.dispatchKey(m)})
		}
	}
	st.convertedType(from, methods, 0)
}

// convertedType records named type t, and the types it embeds (whose
// methods it promotes), as converted to an interface with methods.
func (st *state) convertedType(t types.Type, methods []ifaceMethod, depth int) {
	n := namedOf(t)
	if n == nil || depth > 3 {
		return
	}
	for _, m := range methods {
		st.localConv[conversion{n, m.name, m.key}] = true
	}
	if s, ok := n.Underlying().(*types.Struct); ok {
		for i := range s.NumFields() {
			if f := s.Field(i); f.Embedded() {
				st.convertedType(f.Type(), methods, depth+1)
			}
		}
	}
}

// typeUnder returns t's underlying type as a T.
func typeUnder[T types.Type](t types.Type) (T, bool) {
	var zero T
	if t == nil {
		return zero, false
	}
	u, ok := t.Underlying().(T)
	return u, ok
}

// isConverted reports whether the receiver type of method c is converted,
// in this package or in a package it depends on, to an interface with a
// method of c's name or to one without methods.
func (st *state) isConverted(c *types.Func) bool {
	n := namedOf(c.Type().(*types.Signature).Recv().Type())
	if n == nil {
		return false
	}
	if st.conv == nil {
		st.conv = map[string]bool{}
		if st.localConv == nil {
			st.collectConversions()
		}
		for cv := range st.localConv {
			st.conv[convKey(cv.named)+"."+cv.method] = true
		}
		for _, pf := range st.pass.AllPackageFacts() {
			if f, ok := pf.Fact.(*Conversions); ok {
				for _, t := range f.Types {
					st.conv[t] = true
				}
			}
		}
	}
	k := convKey(n)
	return st.conv[k+"."+c.Name()] || st.conv[k+".*"]
}

// exportConversions exports the conversions of this package's code whose
// type has a method, named like the interface's (any one for "*"), that
// reaches the environment.
func (st *state) exportConversions() {
	if st.localConv == nil {
		st.collectConversions()
	}
	var out []string
	var own []Dispatch
	for cv := range st.localConv {
		if st.reachesEnv(cv) {
			out = append(out, convKey(cv.named)+"."+cv.method)
			own = append(own, st.ownDispatch(cv)...)
		}
	}
	slices.Sort(out)
	st.exportConversionsFact(slices.Compact(out), own)
}

// reachesEnv reports whether the converted type has a method of the
// conversion's name (any, for "*") that reaches the environment.
func (st *state) reachesEnv(cv conversion) bool {
	for i := range cv.named.NumMethods() {
		m := cv.named.Method(i)
		if cv.method != "*" && m.Name() != cv.method {
			continue
		}
		if b := st.bodies[m]; b != nil && len(b.sum.byKey) > 0 {
			return true
		}
		if m.Pkg() != st.pass.Pkg && len(st.importedSummary(m)) > 0 {
			return true
		}
	}
	return false
}
