package envaccess

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// This file resolves names built at run time from known parts:
//
//	os.Getenv("APP_" + name)                         // APP_*
//	os.LookupEnv(fmt.Sprintf("%s_%s", p, "region"))  // *_region
//
// The name is unknown, but a write races with it only when the written
// name can match: os.Setenv("AWS_ACCESS_KEY_ID", ...) never touches
// *_region. Such a name is a KeyPrefix access whose Key holds the literal
// prefix and, when the name's end is known too, a NUL and the literal
// suffix (NUL cannot be in an environment variable's name, so the two
// cannot be confused with a name); Affixes splits them.

// affixSep separates a KeyPrefix access's prefix from its suffix in Key.
const affixSep = "\x00"

// affixKey is the Key of a KeyPrefix access for names that start with
// prefix and end with suffix.
func affixKey(prefix, suffix string) string {
	if suffix == "" {
		return prefix
	}
	return prefix + affixSep + suffix
}

// Affixes returns the prefix and suffix every name of a KeyPrefix access
// has ("" when not known).
func (a *Access) Affixes() (prefix, suffix string) {
	prefix, suffix, _ = strings.Cut(a.Key, affixSep)
	return prefix, suffix
}

// matchesAffixes reports whether key starts with prefix and ends with
// suffix, the two not overlapping.
func matchesAffixes(key, prefix, suffix string) bool {
	return len(key) >= len(prefix)+len(suffix) && strings.HasPrefix(key, prefix) && strings.HasSuffix(key, suffix)
}

// affixesOverlap reports whether some name has both affix pairs: each
// prefix starts the other, and each suffix ends the other (the unknown
// middle can then be anything).
func affixesOverlap(p1, s1, p2, s2 string) bool {
	return (strings.HasPrefix(p1, p2) || strings.HasPrefix(p2, p1)) &&
		(strings.HasSuffix(s1, s2) || strings.HasSuffix(s2, s1))
}

// pattern is a name as literal text around one unknown middle; known
// says the whole name is literal (pre). org is where the middle comes
// from (nameorigin.go).
type pattern struct {
	pre, suf string
	known    bool
	org      origin
}

// literal is the pattern of the literal text s.
func literal(s string) pattern { return pattern{pre: s, known: true, org: programOrigin} }

// unknownOf is the pattern of an unknown text of origin o.
func unknownOf(o origin) pattern { return pattern{org: o} }

// concat is the pattern of a + b.
func concat(a, b pattern) pattern {
	org := a.org.join(b.org)
	switch {
	case a.known && b.known:
		return pattern{pre: a.pre + b.pre, known: true, org: org}
	case a.known:
		return pattern{pre: a.pre + b.pre, suf: b.suf, org: org}
	case b.known:
		return pattern{pre: a.pre, suf: a.suf + b.pre, org: org}
	}
	return pattern{pre: a.pre, suf: b.suf, org: org}
}

// caseMap applies strings.ToUpper or ToLower to what is known of p: the
// unknown middle changes too, but stays unknown.
func caseMap(p pattern, f func(string) string) pattern {
	p.pre, p.suf = f(p.pre), f(p.suf)
	return p
}

// builtKey resolves a name built by string concatenation or fmt.Sprintf
// with a constant format, when some literal part is known; ok is false
// for any other expression.
func (s *scope) builtKey(e ast.Expr, depth int) (keyRes, bool) {
	var p pattern
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return keyRes{}, false
		}
		p = concat(s.patternOf(e.X, depth), s.patternOf(e.Y, depth))
	case *ast.CallExpr:
		var ok bool
		if p, ok = s.callPattern(e, depth); !ok {
			return keyRes{}, false
		}
	default:
		return keyRes{}, false
	}
	switch {
	case p.known:
		return constKeys([]string{p.pre}), true
	case p.pre == "" && p.suf == "", strings.Contains(p.pre+p.suf, affixSep):
		return keyRes{from: KeyDynamic, origin: p.org}, true
	}
	return keyRes{from: KeyPrefix, prefix: affixKey(p.pre, p.suf), origin: p.org}, true
}

// callPattern is the pattern of fmt.Sprintf with a constant format, or of
// strings.ToUpper or strings.ToLower of a name built from known parts
// (cobra's strings.ToUpper(name + "_ACTIVE_HELP") ends in _ACTIVE_HELP).
func (s *scope) callPattern(call *ast.CallExpr, depth int) (pattern, bool) {
	if p, ok := s.sprintfPattern(call, depth); ok {
		return p, true
	}
	fn := typeutil.StaticCallee(s.info, call)
	if fn == nil || len(call.Args) != 1 {
		return pattern{}, false
	}
	var f func(string) string
	switch fn.FullName() {
	case "strings.ToUpper":
		f = strings.ToUpper
	case "strings.ToLower":
		f = strings.ToLower
	default:
		return pattern{}, false
	}
	p := s.patternOf(call.Args[0], depth+1)
	if p.known {
		return literal(f(p.pre)), true
	}
	return caseMap(p, f), true
}

// patternOf is the pattern of one operand: a constant, a name that
// resolves to one constant or to affixes, or an unknown middle.
func (s *scope) patternOf(e ast.Expr, depth int) pattern {
	if depth > maxKeyDepth {
		return unknownOf(s.originOf(e, depth))
	}
	if tv, ok := s.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return literal(constant.StringVal(tv.Value))
	}
	r := s.keyOf(e, depth+1)
	switch {
	case r.from == KeyConst && len(r.consts) == 1:
		return literal(r.consts[0])
	case r.from == KeyPrefix:
		pre, suf, _ := strings.Cut(r.prefix, affixSep)
		return pattern{pre: pre, suf: suf, org: s.keyOrigin(r, e, depth)}
	}
	return unknownOf(s.keyOrigin(r, e, depth))
}

// keyOrigin is the origin of the unknown part of a name e resolved to r:
// r's own when told, else what e is made of.
func (s *scope) keyOrigin(r keyRes, e ast.Expr, depth int) origin {
	if r.origin.flags != 0 && r.from != KeyParam {
		return r.origin
	}
	return s.originOf(e, depth)
}

// sprintfPattern is the pattern of fmt.Sprintf(format, args...) with a
// constant format: %s and %v of a known argument are literal text, any
// other verb an unknown middle; arguments left over print as an unknown
// "%!(EXTRA ...)". ok is false for another call, or a format that indexes
// its arguments, lacks some or ends in a lone %.
func (s *scope) sprintfPattern(call *ast.CallExpr, depth int) (pattern, bool) {
	fn := typeutil.StaticCallee(s.info, call)
	if fn == nil || fn.FullName() != "fmt.Sprintf" || len(call.Args) == 0 || call.Ellipsis.IsValid() {
		return pattern{}, false
	}
	tv, ok := s.info.Types[call.Args[0]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return pattern{}, false
	}
	format, args := constant.StringVal(tv.Value), call.Args[1:]
	p := literal("")
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			p = concat(p, literal(format[i:i+1]))
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.*", format[j]) >= 0 {
			j++
		}
		if j >= len(format) || format[j] == '[' {
			return pattern{}, false
		}
		if format[j] == '%' {
			p = concat(p, literal("%"))
			i = j
			continue
		}
		// Each * takes an argument (a width or precision) before the verb's.
		stars := strings.Count(format[i+1:j], "*")
		if len(args) <= stars {
			return pattern{}, false
		}
		p = concat(p, s.verbPattern(format[j], j == i+1, args[stars], depth))
		args, i = args[stars+1:], j
	}
	for _, extra := range args {
		p = concat(p, unknownOf(s.originOf(extra, depth+1))) // %!(EXTRA ...)
	}
	return p, true
}

// verbPattern is the text one verb prints for arg: the argument itself
// for a plain %s or %v of a string without methods (a String or Error
// method, or Format, would print something else), else unknown.
func (s *scope) verbPattern(verb byte, plain bool, arg ast.Expr, depth int) pattern {
	unknown := unknownOf(s.originOf(arg, depth+1))
	if !plain || verb != 's' && verb != 'v' {
		return unknown
	}
	t := s.info.TypeOf(arg)
	if t == nil || types.NewMethodSet(t).Len() > 0 {
		return unknown
	}
	if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return unknown
	}
	return s.patternOf(arg, depth)
}

// stringConversion returns x of string(x) when x is itself a string (of a
// named string type, or a type parameter of string types): the name is
// x's, unchanged. ok is false for any other expression, string(b) of a
// []byte and string(r) of a rune among them.
func (s *scope) stringConversion(e ast.Expr) (ast.Expr, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return nil, false
	}
	if tv, ok := s.info.Types[call.Fun]; !ok || !tv.IsType() || !isStringType(tv.Type) {
		return nil, false
	}
	return call.Args[0], isStringType(s.info.TypeOf(call.Args[0]))
}

// isStringType reports whether t is a string type, or a type parameter
// whose every type is one (T ~string).
func isStringType(t types.Type) bool {
	if tp, ok := t.(*types.TypeParam); ok {
		iface, _ := tp.Underlying().(*types.Interface)
		if iface == nil || iface.NumEmbeddeds() != 1 {
			return false
		}
		u, ok := iface.EmbeddedType(0).(*types.Union)
		if !ok {
			return false
		}
		for i := range u.Len() {
			if !isStringType(u.Term(i).Type()) {
				return false
			}
		}
		return u.Len() > 0
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
