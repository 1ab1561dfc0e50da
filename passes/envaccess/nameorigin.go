package envaccess

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/names"
)

// This file tells where the part of a computed name that is not literal
// comes from (issue 13, K13). A name the program builds from its own
// constants and a counter, or from its command's name, cannot be made to
// name another secret; one built from request data, template text or
// decoded input can:
//
//	os.Getenv(fmt.Sprintf("%s_NAME_%d", envPrefix, i))   // the program's: constants and an int
//	os.Getenv(prefix + chi.URLParam(r, "name"))         // data: the request picks the name
//	os.Getenv(strings.ToUpper(cmd.Name()) + "_HELP")    // opaque: a method result
//	os.Getenv(prefix + name)                            // name is a parameter: callers tell
//
// The origin travels with a KeyDynamic or KeyPrefix access (Access.Origin,
// with the parameters' bits in Access.Param) and is resolved at call
// sites like a parameter key.

// NameOrigin says where the unknown part of a computed name comes from: a
// set of flags, the zero value meaning "not tracked" (unknown).
type NameOrigin uint8

const (
	// OriginTracked: the origin was worked out. Without it (a name from
	// a library table, a name no rule here looked at) it is unknown.
	OriginTracked NameOrigin = 1 << iota
	// OriginData: request data (a value of a request type of a supported
	// router, or derived from one), template or configuration text given
	// to os.Expand or os.ExpandEnv, input read or decoded at run time.
	OriginData
	// OriginOpaque: a field, a function or method result, a package
	// variable or another value whose origin is not followed.
	OriginOpaque
	// OriginParams: parameters of the function holding the summary, whose
	// bits the access's Param holds; call sites resolve them.
	OriginParams
)

// origin is a NameOrigin with its parameters' bits.
type origin struct {
	flags  NameOrigin
	params uint64
}

var (
	programOrigin = origin{flags: OriginTracked}
	opaqueOrigin  = origin{flags: OriginTracked | OriginOpaque}
	dataOrigin    = origin{flags: OriginTracked | OriginData}
)

// paramOrigin is the origin of parameter i.
func paramOrigin(i int) origin {
	if i < 0 || i >= 64 {
		return opaqueOrigin
	}
	return origin{flags: OriginTracked | OriginParams, params: 1 << i}
}

// join is the origin of a name made of parts of origins o and p.
func (o origin) join(p origin) origin {
	return origin{flags: o.flags | p.flags, params: o.params | p.params}
}

// NameFromData reports whether the name's unknown part may come from data.
func (a *Access) NameFromData() bool { return a.Origin&OriginData != 0 }

// NameFromParams reports whether the name's unknown part comes, at least
// in part, from parameters of the function holding the summary, which no
// call site resolved (a root's own parameters).
func (a *Access) NameFromParams() bool { return a.Origin&OriginParams != 0 }

// mergeOrigin returns keep with the origin of both keep and other, two
// accesses of one site, and whether keep's origin widened.
func mergeOrigin(keep, other Access) (Access, bool) {
	if !isComputedName(keep.From) || keep.Origin == other.Origin && keep.Param == other.Param {
		return keep, false
	}
	m := withOrigin(keep, accessOrigin(keep).join(accessOrigin(other)))
	return m, m.Origin != keep.Origin || m.Param != keep.Param
}

// isComputedName reports whether an access's name is computed at run time
// (its origin matters).
func isComputedName(f KeyFrom) bool { return f == KeyDynamic || f == KeyPrefix }

// withOrigin sets an access's origin.
func withOrigin(a Access, o origin) Access {
	a.Origin = o.flags
	a.Param = int(o.params)
	if o.params >= 1<<62 {
		a.Origin, a.Param = a.Origin&^OriginParams|OriginOpaque, 0
	}
	return a
}

// accessOrigin returns the origin an access carries.
func accessOrigin(a Access) origin {
	o := origin{flags: a.Origin}
	if a.Origin&OriginParams != 0 {
		o.params = uint64(a.Param)
	}
	if a.Origin&OriginTracked == 0 {
		return opaqueOrigin
	}
	return o
}

// resolveOrigin resolves the parameter bits of a callee's computed-name
// access at a call site: each becomes the origin of the argument passed.
func resolveOrigin(a Access, call *ast.CallExpr, s *scope) Access {
	if !isComputedName(a.From) || a.Origin&OriginParams == 0 {
		return a
	}
	o := accessOrigin(a)
	out := origin{flags: o.flags &^ OriginParams}
	for i := 0; i < 64; i++ {
		if o.params&(1<<i) == 0 {
			continue
		}
		if arg := argFor(call, i, s.info); arg != nil {
			out = out.join(s.originOf(arg, 0))
		} else {
			out = out.join(opaqueOrigin)
		}
	}
	return withOrigin(a, out)
}

// originOf returns the origin of the string (or number) e.
func (s *scope) originOf(e ast.Expr, depth int) origin {
	e = ast.Unparen(e)
	tv, ok := s.info.Types[e]
	if ok && tv.Value != nil {
		return programOrigin
	}
	if depth > maxKeyDepth {
		return opaqueOrigin
	}
	if isRequestType(s.info.TypeOf(e)) {
		return dataOrigin
	}
	switch e := e.(type) {
	case *ast.Ident:
		return s.identOrigin(e, depth)
	case *ast.BinaryExpr:
		return s.originOf(e.X, depth+1).join(s.originOf(e.Y, depth+1))
	case *ast.CallExpr:
		return s.callOrigin(e, depth)
	case *ast.CompositeLit:
		o := programOrigin
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			o = o.join(s.originOf(elt, depth+1))
		}
		return o
	case *ast.SelectorExpr:
		if _, ok := s.info.Uses[e.Sel].(*types.Var); ok && s.info.Selections[e] != nil {
			return s.baseOrigin(e.X, depth) // a field of x
		}
	case *ast.IndexExpr:
		return s.baseOrigin(e.X, depth) // an element: the collection's
	case *ast.SliceExpr:
		return s.originOf(e.X, depth+1)
	case *ast.StarExpr:
		return s.baseOrigin(e.X, depth)
	}
	if isNumber(s.info.TypeOf(e)) {
		return programOrigin // a counter, a port, a length
	}
	return opaqueOrigin
}

// baseOrigin is the origin of a part (a field, an element) of x: x's when
// x is data or a parameter, otherwise opaque (what a field holds is not
// followed).
func (s *scope) baseOrigin(x ast.Expr, depth int) origin {
	o := s.originOf(x, depth+1)
	if o.flags&(OriginData|OriginParams) != 0 {
		return o
	}
	return opaqueOrigin
}

// identOrigin is the origin of a variable: a parameter's bit, a local's
// definitions, data for a local that input is decoded into.
func (s *scope) identOrigin(id *ast.Ident, depth int) origin {
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok {
		return opaqueOrigin
	}
	if i := s.paramIndex(v); i >= 0 {
		return paramOrigin(i)
	}
	if s.decodedInto(v) {
		return dataOrigin
	}
	defs := s.defs[v]
	if len(defs) == 0 {
		if isNumber(v.Type()) {
			return programOrigin
		}
		return opaqueOrigin
	}
	o := programOrigin
	for _, d := range defs {
		switch {
		case d.rangeOf != nil:
			if d.rangeKey && isNumber(v.Type()) {
				continue // for i := range xs: an index
			}
			o = o.join(s.baseOrigin(d.rangeOf, depth))
		case d.rhs != nil:
			o = o.join(s.originOf(d.rhs, depth+1))
		case isNumber(v.Type()):
			// i++ and i += n: still a counter
		default:
			o = o.join(opaqueOrigin)
		}
	}
	return o
}

// callOrigin is the origin of a call's result.
func (s *scope) callOrigin(call *ast.CallExpr, depth int) origin {
	if x, ok := s.stringConversion(call); ok {
		return s.originOf(x, depth+1)
	}
	if tv, ok := s.info.Types[call.Fun]; ok && tv.IsType() {
		return s.originOf(call.Args[0], depth+1) // a conversion
	}
	// What the call is given: its receiver and arguments.
	given := programOrigin
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && s.info.Selections[sel] != nil {
		given = given.join(s.originOf(sel.X, depth+1))
	}
	for _, arg := range call.Args {
		given = given.join(s.originOf(arg, depth+1))
	}
	fn := typeutil.StaticCallee(s.info, call)
	name := ""
	if fn != nil {
		name = names.Full(fn.Origin())
	}
	switch {
	case inputReaders[name]:
		return dataOrigin
	case numberFormatters[name]:
		return programOrigin
	case nameTransforms[name]:
		return given
	case given.flags&OriginData != 0:
		return given // what a request's own methods, or a helper given data, return
	case isNumber(s.info.TypeOf(call)):
		return programOrigin
	}
	return given.join(opaqueOrigin)
}

// decodedInto reports whether input is decoded into v in the scope's
// body: &v (or v, a pointer or map) passed to a decoder.
//
//	var req struct{ Name string }
//	json.NewDecoder(r.Body).Decode(&req)
//	os.Getenv("APP_" + req.Name)
func (s *scope) decodedInto(v *types.Var) bool {
	for _, d := range s.defs[v] {
		if d.rhs == nil && d.decoded {
			return true
		}
	}
	return false
}

// isDecoder reports whether the function called decodes input into its
// argument: Unmarshal, Decode, Scan and Bind methods and functions.
func isDecoder(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return false
	}
	n := fn.Name()
	for _, p := range decoderNames {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}

// isRequestType reports whether t is a request type of a supported router
// or a part of a request.
func isRequestType(t types.Type) bool {
	if t == nil {
		return false
	}
	return requestTypes[types.TypeString(types.Unalias(t), nil)]
}

// isNumber reports whether t is an integer, float or boolean type.
func isNumber(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsFloat|types.IsBoolean) != 0
}
