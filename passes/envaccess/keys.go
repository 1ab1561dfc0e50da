package envaccess

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"
)

// maxKeyDepth bounds how many local definitions key resolution follows.
const maxKeyDepth = 4

// keyRes is what a variable-name expression resolves to.
type keyRes struct {
	from   KeyFrom  // KeyConst, KeyPrefix, a parameter kind, or KeyDynamic
	consts []string // for KeyConst, sorted and deduplicated
	param  int      // for parameter kinds
	prefix string   // for KeyPrefix: the Key, prefix and suffix (affixKey)
	origin origin   // for KeyPrefix and KeyDynamic: where the unknown part comes from (zero: not told)
}

var dynamic = keyRes{from: KeyDynamic}

// def is one definition of a local variable: x := rhs, x = rhs, or a range
// variable over a collection.
type def struct {
	pos      token.Pos
	rhs      ast.Expr // nil when unknown (multi-value assignment, op-assign)
	rangeOf  ast.Expr // the ranged collection, for range variables
	rangeKey bool     // the variable is the range key (map keys), not the value
	decoded  bool     // input is decoded into the variable (&v passed to a decoder)
	// loopPos, loopEnd span the outermost loop around the definition: a
	// later pass of it reaches code above the definition.
	loopPos, loopEnd token.Pos
}

// scope resolves keys inside one function declaration.
type scope struct {
	info    *types.Info
	params  *types.Tuple // parameters call sites can resolve, or nil for root literals
	recv    *types.Var   // the receiver, when params is set
	guards  *guardInfo   // the conditions of the declaration's body (guards.go)
	defs    map[*types.Var][]def
	pkgVars map[*types.Var]ast.Expr
	envSet  map[*types.Var]bool // *exec.Cmd locals whose Env is assigned
}

// localDefs collects the definitions of every local variable of body.
// Taking a variable's address (&v) counts as a definition of unknown
// value: whoever holds the pointer may store through it.
func localDefs(body *ast.BlockStmt, info *types.Info) map[*types.Var][]def {
	defs := map[*types.Var][]def{}
	var loops []ast.Node // the loops around the node being visited
	note := func(id ast.Expr, d def) {
		if id, ok := ast.Unparen(id).(*ast.Ident); ok {
			if v, ok := info.ObjectOf(id).(*types.Var); ok {
				if len(loops) > 0 {
					d.loopPos, d.loopEnd = loops[0].Pos(), loops[0].End()
				}
				defs[v] = append(defs[v], d)
			}
		}
	}
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			if top := stack[len(stack)-1]; len(loops) > 0 && loops[len(loops)-1] == top {
				loops = loops[:len(loops)-1]
			}
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		noteDefs(n, note)
		if call, ok := n.(*ast.CallExpr); ok && isDecoder(info, call) {
			noteDecoded(call, info, note)
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			loops = append(loops, n)
		}
		return true
	})
	return defs
}

// noteDecoded notes the variables a decoder call fills: &v, or v of a
// pointer or map type.
func noteDecoded(call *ast.CallExpr, info *types.Info, note func(ast.Expr, def)) {
	for _, arg := range call.Args {
		x := ast.Unparen(arg)
		if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
			note(u.X, def{pos: call.Pos(), decoded: true})
			continue
		}
		t := info.TypeOf(x)
		if t == nil {
			continue
		}
		switch t.Underlying().(type) {
		case *types.Pointer, *types.Map:
			note(x, def{pos: call.Pos(), decoded: true})
		}
	}
}

// noteDefs calls note for each variable node n defines.
func noteDefs(n ast.Node, note func(ast.Expr, def)) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for i, l := range n.Lhs {
			d := def{pos: n.Pos()}
			if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) {
				d.rhs = n.Rhs[i]
			}
			note(l, d)
		}
	case *ast.ValueSpec:
		for i, id := range n.Names {
			d := def{pos: n.Pos()}
			if len(n.Names) == len(n.Values) {
				d.rhs = n.Values[i]
			}
			note(id, d)
		}
	case *ast.RangeStmt:
		if n.Key != nil {
			note(n.Key, def{pos: n.Pos(), rangeOf: n.X, rangeKey: true})
		}
		if n.Value != nil {
			note(n.Value, def{pos: n.Pos(), rangeOf: n.X})
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			note(n.X, def{pos: n.Pos()})
		}
	}
}

// keyOf resolves the variable name held by e.
func (s *scope) keyOf(e ast.Expr, depth int) keyRes {
	if tv, ok := s.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return keyRes{from: KeyConst, consts: []string{constant.StringVal(tv.Value)}}
	}
	if depth > maxKeyDepth {
		return dynamic
	}
	//   os.Getenv("APP_" + name), fmt.Sprintf("%s_%s", p, "region")
	if r, ok := s.builtKey(e, depth); ok {
		return r
	}
	//   os.Getenv(string(name)) of a name of a named string type
	if x, ok := s.stringConversion(e); ok {
		return s.keyOf(x, depth+1)
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return dynamic
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok {
		return dynamic
	}
	//   if k == "SOME_FLAG" { os.Setenv(k, v) }: the name is SOME_FLAG
	if r, ok := s.constraintAt(v, id.Pos()); ok {
		return r
	}
	if i := s.paramIndex(v); i >= 0 {
		return keyRes{from: KeyParam, param: i}
	}
	return s.fromDefs(s.defs[v], depth, func(d def) keyRes {
		if d.rangeOf != nil {
			return s.elemsOf(d.rangeOf, d.rangeKey, depth+1)
		}
		if d.rhs == nil {
			return dynamic
		}
		return s.keyOf(d.rhs, depth+1)
	})
}

// elemsOf resolves the names held by the elements of a collection (its map
// keys when wantKeys): a composite literal, a parameter, a local bound to a
// literal, or a package variable initialised with one.
func (s *scope) elemsOf(e ast.Expr, wantKeys bool, depth int) keyRes {
	if depth > maxKeyDepth {
		return dynamic
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return s.literalElems(e, wantKeys)
	case *ast.Ident:
		v, ok := s.info.Uses[e].(*types.Var)
		if !ok {
			return dynamic
		}
		if i := s.paramIndex(v); i >= 0 && !wantKeys {
			return keyRes{from: KeyParamElem, param: i}
		}
		if init, ok := s.pkgVars[v]; ok {
			return s.elemsOf(init, wantKeys, depth+1)
		}
		return s.fromDefs(s.defs[v], depth, func(d def) keyRes {
			if d.rhs == nil {
				return dynamic
			}
			if sl, ok := ast.Unparen(d.rhs).(*ast.SliceExpr); ok && s.info.Uses[identOf(sl.X)] == v {
				//   keys = keys[:1]: a part of what the other definitions hold
				return keyRes{from: KeyConst}
			}
			return s.elemsOf(d.rhs, wantKeys, depth+1)
		})
	case *ast.SliceExpr:
		//   setFromEnvVal(&cfg.Region, regionEnvKeys[:1]): some of its elements
		if _, isString := s.info.TypeOf(e.X).Underlying().(*types.Basic); isString {
			return dynamic
		}
		return s.elemsOf(e.X, wantKeys, depth+1)
	}
	return dynamic
}

// identOf returns e as an identifier, or nil.
func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

func (s *scope) literalElems(lit *ast.CompositeLit, wantKeys bool) keyRes {
	_, isMap := s.info.TypeOf(lit).Underlying().(*types.Map)
	var out []string
	for _, elt := range lit.Elts {
		x := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			x = kv.Value
			if isMap && wantKeys {
				x = kv.Key
			}
		} else if isMap && wantKeys {
			return dynamic
		}
		r := s.keyOf(x, maxKeyDepth) // constants only
		if r.from != KeyConst {
			return dynamic
		}
		out = append(out, r.consts...)
	}
	if len(out) == 0 {
		return dynamic
	}
	return constKeys(out)
}

// fromDefs merges the resolutions of all definitions of a variable: all
// constant gives their union; a single parameter definition passes through.
func (s *scope) fromDefs(defs []def, depth int, resolve func(def) keyRes) keyRes {
	if len(defs) == 0 {
		return dynamic
	}
	var out []string
	for _, d := range defs {
		r := resolve(d)
		switch {
		case r.from == KeyConst:
			out = append(out, r.consts...)
		case len(defs) == 1:
			return r
		default:
			return dynamic
		}
	}
	return constKeys(out)
}

func (s *scope) paramIndex(v *types.Var) int {
	if s.params == nil {
		return -1
	}
	for i := 0; i < s.params.Len(); i++ {
		if s.params.At(i) == v {
			return i
		}
	}
	return -1
}

func constKeys(keys []string) keyRes {
	sort.Strings(keys)
	out := keys[:0]
	for i, k := range keys {
		if i == 0 || k != keys[i-1] {
			out = append(out, k)
		}
	}
	return keyRes{from: KeyConst, consts: out}
}

// templateNames returns the variable names os.Expand would look up in s,
// in order of first appearance, as os.Expand itself scans them: see
// expandName.
func templateNames(s string) []string {
	var names []string
	seen := map[string]bool{}
	for i := 0; i < len(s); i++ {
		if s[i] != '$' || i+1 >= len(s) {
			continue
		}
		name, w := expandName(s[i+1:])
		if name != "" && !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
		i += w
	}
	return names
}

// expandName mirrors os.getShellName (Go 1.26 src/os/env.go) and returns
// the name os.Expand passes to its mapping and the bytes it consumes:
//
//	${DB.PASSWORD}   "DB.PASSWORD"  the whole braced text, whatever it holds
//	${1API_TOKEN}    "1API_TOKEN"
//	${1} $1 $$ $*    "1" "1" "$" "*"  one special byte
//	$HOST/x          "HOST"         an alphanumeric run
//	${} ${           ""             bad syntax, eaten
//
// One exception: os.Expand has no shell defaults, so ${DB_PASSWORD:-secret}
// looks up the name "DB_PASSWORD:-secret"; the part after the shell name
// is often a literal secret and must never reach a message or a fact, so
// the key is the shell name the author meant (shellOperand).
func expandName(s string) (string, int) {
	switch {
	case s[0] == '{':
		if len(s) > 2 && isShellSpecial(s[1]) && s[2] == '}' {
			return s[1:2], 3
		}
		end := strings.IndexByte(s, '}')
		switch end {
		case -1:
			return "", 1
		case 1:
			return "", 2
		}
		return shellOperand(s[1:end]), end + 1
	case isShellSpecial(s[0]):
		return s[:1], 1
	}
	i := 0
	for i < len(s) && isAlphaNum(s[i]) {
		i++
	}
	return s[:i], i
}

// shellOperand returns the shell name at the start of a braced name that
// goes on with a shell parameter-expansion operator (${NAME:-word},
// ${NAME=word}, ${NAME#pattern}, ...), and the braced name unchanged
// otherwise.
func shellOperand(braced string) string {
	if braced[0] != '_' && !isLetter(braced[0]) {
		return braced
	}
	i := 1
	for i < len(braced) && isAlphaNum(braced[i]) {
		i++
	}
	if i < len(braced) && strings.IndexByte(":-=?+#%/", braced[i]) >= 0 {
		return braced[:i]
	}
	return braced
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isAlphaNum(c byte) bool { return c == '_' || '0' <= c && c <= '9' || isLetter(c) }

func isShellSpecial(c byte) bool {
	switch c {
	case '*', '#', '$', '@', '!', '?', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return false
}
