package envaccess

import (
	"go/ast"
	"go/types"
	"reflect"
	"regexp"
	"sort"
	"strings"
)

// maxTagDepth bounds how deep nested config structs are followed.
const maxTagDepth = 5

// tagKeys is what a struct-tag loader call reads, per its table row.
type tagKeys struct {
	keys   []string // sorted, deduplicated
	writes bool     // some field has the row's writeOption
}

// loaderCall lists the variables a call of a struct-tag loader reads, when
// the struct type and the prefix are known at the call site:
//
//	envconfig.Process("app", &cfg)   // cfg's type and "app" are known
//	env.ParseAs[config]()            // the type argument names the struct
//
// It reports false when either is not known; the loader's own summary
// (a dynamic name) then stands.
func (w *walker) loaderCall(call *ast.CallExpr, row tagLoader) (tagKeys, bool) {
	t := w.loaderStruct(call, row)
	if t == nil {
		return tagKeys{}, false
	}
	prefix, ok := w.loaderPrefix(call, row)
	if !ok {
		return tagKeys{}, false
	}
	var out tagKeys
	row.collect(t, prefix, 0, &out)
	sort.Strings(out.keys)
	out.keys = constKeys(out.keys).consts
	return out, true
}

// loaderParam reports the parameter of the enclosing function that the
// call passes as its struct, when it is one (of an interface type: the
// struct is the caller's), and the prefix is a constant.
//
//	func load(cfg any) error { return envconfig.Process("app", cfg) }
func (w *walker) loaderParam(call *ast.CallExpr, row tagLoader) (int, string, bool) {
	if row.structArg < 0 || row.structArg >= len(call.Args) {
		return 0, "", false
	}
	id, ok := ast.Unparen(call.Args[row.structArg]).(*ast.Ident)
	if !ok {
		return 0, "", false
	}
	v, ok := w.st.info.Uses[id].(*types.Var)
	if !ok || !types.IsInterface(v.Type()) {
		return 0, "", false
	}
	i := w.b.scope.paramIndex(v)
	if i < 0 {
		return 0, "", false
	}
	prefix, ok := w.loaderPrefix(call, row)
	return i, prefix, ok
}

// instantiateTags resolves a KeyParamTags access at a call site: &cfg of a
// struct type gives the names of its tags, a parameter of the caller's
// (of an interface type) passes it on, anything else is dynamic.
func instantiateTags(a Access, call *ast.CallExpr, s *scope) []Access {
	loader, prefix, _ := strings.Cut(a.Key, "|")
	row, ok := tagLoaders[loader]
	arg := argFor(call, a.Param, s.info)
	if !ok || arg == nil {
		return fromKeyRes(a, dynamic)
	}
	if p, ok := s.info.TypeOf(arg).(*types.Pointer); ok {
		if st, ok := p.Elem().Underlying().(*types.Struct); ok {
			var tk tagKeys
			row.collect(st, prefix, 0, &tk)
			if len(tk.keys) == 0 || a.Kind == Write && !tk.writes {
				return nil // no field asks for the loader's write
			}
			return fromKeyRes(a, constKeys(tk.keys))
		}
	}
	if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
		if v, ok := s.info.Uses[id].(*types.Var); ok && types.IsInterface(v.Type()) {
			if i := s.paramIndex(v); i >= 0 {
				a.Param = i
				return []Access{a}
			}
		}
	}
	return fromKeyRes(a, dynamic)
}

// loaderStruct returns the struct the call fills: the argument's pointee,
// or type argument 0.
func (w *walker) loaderStruct(call *ast.CallExpr, row tagLoader) *types.Struct {
	var t types.Type
	if row.structArg < 0 {
		id := calleeIdent(call.Fun)
		if id == nil {
			return nil
		}
		inst, ok := w.st.info.Instances[id]
		if !ok || inst.TypeArgs.Len() == 0 {
			return nil
		}
		t = inst.TypeArgs.At(0)
	} else {
		if row.structArg >= len(call.Args) {
			return nil
		}
		p, ok := w.st.info.TypeOf(call.Args[row.structArg]).(*types.Pointer)
		if !ok {
			return nil // an interface value: the type is known only at run time
		}
		t = p.Elem()
	}
	s, _ := t.Underlying().(*types.Struct)
	return s
}

func calleeIdent(fun ast.Expr) *ast.Ident {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	case *ast.IndexExpr:
		return calleeIdent(f.X)
	case *ast.IndexListExpr:
		return calleeIdent(f.X)
	}
	return nil
}

// loaderPrefix resolves the prefix argument to one constant: the argument
// itself, or its prefixField in a composite literal (a missing field is
// the empty prefix).
func (w *walker) loaderPrefix(call *ast.CallExpr, row tagLoader) (string, bool) {
	if row.prefixArg < 0 {
		return "", true
	}
	if row.prefixArg >= len(call.Args) {
		return "", false
	}
	arg := call.Args[row.prefixArg]
	if row.prefixField != "" {
		lit, ok := ast.Unparen(arg).(*ast.CompositeLit)
		if !ok {
			return "", false
		}
		arg = nil
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return "", false
			}
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == row.prefixField {
				arg = kv.Value
			}
		}
		if arg == nil {
			return "", true
		}
	}
	r := w.b.scope.keyOf(arg, 0)
	if r.from != KeyConst || len(r.consts) != 1 {
		return "", false
	}
	return r.consts[0], true
}

// collect adds the keys of the exported fields of s under prefix.
func (row tagLoader) collect(s *types.Struct, prefix string, depth int, out *tagKeys) {
	if depth > maxTagDepth {
		return
	}
	for i := 0; i < s.NumFields(); i++ {
		f := s.Field(i)
		if !f.Exported() {
			continue // the loaders cannot set it
		}
		tag := reflect.StructTag(s.Tag(i))
		if row.ignoreTag != "" && isTrue(tag.Get(row.ignoreTag)) {
			continue
		}
		name, opts, _ := strings.Cut(tag.Get(row.tag), ",")
		if row.ignoreName != "" && name == row.ignoreName {
			continue
		}
		tagged := name != ""
		if !tagged && row.fieldNames {
			name = f.Name()
			if row.splitWordsTag != "" && isTrue(tag.Get(row.splitWordsTag)) {
				name = splitWords(name)
			}
		}
		key := row.join(prefix, name)
		if nested := nestedStruct(f.Type()); nested != nil {
			row.collect(nested, row.nestedPrefix(prefix, key, f, tag), depth+1, out)
			if row.fieldNames || !tagged {
				continue // envconfig reads only the nested fields
			}
		}
		if name == "" {
			continue
		}
		out.keys = append(out.keys, key)
		if tagged && row.altUnprefixed && prefix != "" {
			out.keys = append(out.keys, row.join("", name))
		}
		if row.writeOption != "" && hasOption(opts, row.writeOption) {
			out.writes = true
		}
	}
}

func (row tagLoader) join(prefix, name string) string {
	k := name
	if prefix != "" && row.prefixSep != "" {
		k = prefix + row.prefixSep + name
	} else {
		k = prefix + name
	}
	if row.upper {
		k = strings.ToUpper(k)
	}
	return k
}

// nestedPrefix is the prefix of a nested struct field's own fields.
func (row tagLoader) nestedPrefix(prefix, key string, f *types.Var, tag reflect.StructTag) string {
	if row.nestedPrefixTag != "" {
		return prefix + tag.Get(row.nestedPrefixTag)
	}
	if f.Embedded() {
		return prefix
	}
	return key
}

// nestedStruct returns the struct a field's loader descends into: a struct
// or pointer to one that does not decode itself from text.
func nestedStruct(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	ms := types.NewMethodSet(types.NewPointer(t))
	for _, m := range []string{"UnmarshalText", "UnmarshalBinary", "Decode", "Set"} {
		if ms.Lookup(nil, m) != nil {
			return nil // time.Time and friends are one value
		}
	}
	return s
}

func hasOption(opts, want string) bool {
	for _, o := range strings.Split(opts, ",") {
		if o == want {
			return true
		}
	}
	return false
}

// isTrue mirrors envconfig's isTrue (strconv.ParseBool).
func isTrue(s string) bool {
	switch s {
	case "1", "t", "T", "true", "TRUE", "True":
		return true
	}
	return false
}

// The word-splitting rules of envconfig v1.4.0 (envconfig.go).
var (
	gatherRegexp  = regexp.MustCompile("([^A-Z]+|[A-Z]+[^A-Z]+|[A-Z]+)")
	acronymRegexp = regexp.MustCompile("([A-Z]+)([A-Z][^A-Z]+)")
)

// splitWords turns a field name into words joined by "_": ListenAddr is
// Listen_Addr, APIKey is API_Key.
func splitWords(name string) string {
	words := gatherRegexp.FindAllStringSubmatch(name, -1)
	if len(words) == 0 {
		return name
	}
	var parts []string
	for _, w := range words {
		if m := acronymRegexp.FindStringSubmatch(w[0]); len(m) == 3 {
			parts = append(parts, m[1], m[2])
		} else {
			parts = append(parts, w[0])
		}
	}
	return strings.Join(parts, "_")
}
