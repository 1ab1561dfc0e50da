package envaccess

import (
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// MaxHops caps the length of a witness path kept in a summary. Longer paths
// keep their first MaxHops-1 hops and the access itself, and are marked
// Elided.
const MaxHops = 10

// Kind is what an access does to the environment.
type Kind uint8

const (
	// Read reads one variable or the whole environment.
	Read Kind = iota + 1
	// Write sets, unsets or clears variables.
	Write
	// Inherit starts a child process whose Env is nil, which copies the
	// whole environment at that moment.
	Inherit
	// TestSetenv is (*testing.T).Setenv, which panics in a parallel test.
	TestSetenv
)

// String is the stable name used in fact strings: envRead, envWrite, ...
func (k Kind) String() string {
	switch k {
	case Read:
		return "envRead"
	case Write:
		return "envWrite"
	case Inherit:
		return "envInherit"
	case TestSetenv:
		return "tSetenv"
	}
	return "env?"
}

// KeyFrom says how the key of an access is known.
type KeyFrom uint8

const (
	// KeyConst: Key holds the variable name.
	KeyConst KeyFrom = iota + 1
	// KeyParam: the name is parameter Param of the function holding the
	// summary; call sites that pass a constant resolve it.
	KeyParam
	// KeyParamElem: the name ranges over the elements (or map keys) of
	// parameter Param, e.g. for _, k := range keys { os.Getenv(k) }.
	KeyParamElem
	// KeyTemplateParam: parameter Param is a template whose $NAME and
	// ${NAME} references are read (os.ExpandEnv).
	KeyTemplateParam
	// KeyDynamic: the name is computed at run time.
	KeyDynamic
	// KeyAll: the whole environment (os.Environ, os.Clearenv, a child
	// process that inherits it).
	KeyAll
	// KeyParamTags: the names are those a struct-tag loader (tagLoaders
	// in known.go) reads from the struct parameter Param points to. Key
	// holds the loader's FullName and the prefix, "loader|prefix". Call
	// sites that pass &cfg of a struct type resolve it:
	//   func load(cfg any) error { return envconfig.Process("app", cfg) }
	KeyParamTags
	// KeyPrefix: a name that starts with a known prefix, and may end with
	// a known suffix (Key holds both, see Affixes), told by the condition
	// around the access or by how the name is built (keypattern.go):
	//   if strings.HasPrefix(k, "APP_") { os.Setenv(k, v) }
	//   os.Getenv(fmt.Sprintf("%s_%s", p, "region"))   // *_region
	KeyPrefix
)

// IsParam reports whether the names come from a parameter of the function
// holding the summary, so that only its call sites can tell them.
func (k KeyFrom) IsParam() bool {
	switch k {
	case KeyParam, KeyParamElem, KeyTemplateParam, KeyParamTags:
		return true
	}
	return false
}

// Access is one environment access a function makes, directly or through
// its callees, with the shortest witness path to it.
type Access struct {
	Kind  Kind
	Op    string // the accessing function, e.g. "os.Getenv", "(*exec.Cmd).Run"
	From  KeyFrom
	Key   string // the variable name when From is KeyConst
	Param int    // the parameter index when From is a parameter kind; for a computed name, the bits of Origin's parameters
	// Origin, for a computed name (KeyDynamic, KeyPrefix), says where its
	// unknown part comes from: data, the program's own values, parameters
	// (nameorigin.go).
	Origin NameOrigin
	Elided int // how many hops were dropped from Path, before the access, to respect MaxHops
	// Shim is set for an access through profileenv (a read, or a child
	// whose Env it sets): of the process environment only while no
	// profile is attached to the context, which a swap fixed with
	// profileenv.Setenv attaches.
	Shim bool
	Path []Hop // first hop is the call in the summarised function; last is the access
	// Locks are the mutexes held on every path to the access, sorted
	// ("pkg.mu", "(pkg.T).mu"; see locks.go for the approximation).
	Locks []string
	// Guard, when set, says the access is a fallback: it only runs when
	// an explicit value is missing, or (Guard.Set) only when a boolean is
	// true (guards.go).
	Guard Guard
}

// Hop is one call on a witness path.
type Hop struct {
	Callee  string // qualified display name of the function called, e.g. "providers.lookup"
	At      string // "import/path/file.go:line" of the call
	Dynamic bool   // through an interface method or a function value
	// Names is set on the call that passed the variable's name, as a
	// constant, to a parameter-keyed function: lookup("DB_PASSWORD")
	// turning lookup's os.Getenv($0) into a read of DB_PASSWORD. The
	// caller there chose which variable is read (analyzer's ownRead).
	Names bool

	pos token.Pos   // position of the call when it is in the package being analysed
	fn  *types.Func // the callee, when known in this process
}

// Pos returns the position of the hop's call if it lies in the package
// being analysed, or token.NoPos.
func (h Hop) Pos() token.Pos { return h.pos }

// Func returns the called function when it is known in this process (it is
// not for hops read back from facts), or nil.
func (h Hop) Func() *types.Func { return h.fn }

// KeyString renders the key the way fact strings and messages show it:
// NAME, $0 (parameter), $0[] (elements of a parameter), ${0} (template in a
// parameter), ? (dynamic), * (whole environment; *-APP_*,TOKEN when
// filtered of those), $0{loader|prefix} (the tags of the struct a
// parameter points to).
func (a *Access) KeyString() string {
	switch a.From {
	case KeyConst:
		return a.Key
	case KeyParam:
		return "$" + strconv.Itoa(a.Param)
	case KeyParamElem:
		return "$" + strconv.Itoa(a.Param) + "[]"
	case KeyTemplateParam:
		return "${" + strconv.Itoa(a.Param) + "}"
	case KeyDynamic:
		return "?"
	case KeyAll:
		if a.Key != "" {
			return "*-" + a.Key // a filtered snapshot (snapshot.go)
		}
		return "*"
	case KeyParamTags:
		return "$" + strconv.Itoa(a.Param) + "{" + a.Key + "}"
	case KeyPrefix:
		pre, suf := a.Affixes()
		return pre + "*" + suf
	}
	return ""
}

// MayName reports whether the access may touch the variable key: a
// constant key equal to it, a prefix it starts with (and a suffix it ends
// with, when known), or any other kind of name (computed, a parameter,
// the whole environment).
func (a *Access) MayName(key string) bool {
	switch a.From {
	case KeyConst:
		return a.Key == key
	case KeyPrefix:
		pre, suf := a.Affixes()
		return matchesAffixes(key, pre, suf)
	}
	return true
}

// MayOverlap reports whether accesses a and b may touch a common
// variable.
func MayOverlap(a, b *Access) bool {
	switch {
	case a.From == KeyConst:
		return b.MayName(a.Key)
	case b.From == KeyConst:
		return a.MayName(b.Key)
	case a.From == KeyPrefix && b.From == KeyPrefix:
		p1, s1 := a.Affixes()
		p2, s2 := b.Affixes()
		return affixesOverlap(p1, s1, p2, s2)
	}
	return true
}

// KnownOverlap reports whether write w may set a variable that read r,
// whose name is computed at run time but not chosen by data, reads, on
// what is known of both names: a write of everything does; a constant
// name, or a family with a known prefix or suffix, overlapping r's own
// family (r's prefix or suffix known too) does. A write and a read whose
// names are both unknown are not paired: nothing says they meet, and data
// does not choose the read's name (issue 13, K13). Two families meet only
// on a side both know: APP_* and APP_INSTANCE_* do, SS_AT_* and *_region
// (only SS_AT_..._region would be both) do not.
func KnownOverlap(w, r *Access) bool {
	switch {
	case w.From == KeyAll:
		return true
	case r.From != KeyPrefix:
		return false
	case w.From == KeyConst:
		return MayOverlap(w, r)
	case w.From == KeyPrefix:
		p1, s1 := w.Affixes()
		p2, s2 := r.Affixes()
		return (p1 != "" && p2 != "" || s1 != "" && s2 != "") && MayOverlap(w, r)
	}
	return false
}

// String renders an access as envRead(NAME), followed by the locks it
// holds when there are any, envWrite(NAME)[pkg.mu], and its guard when it
// is a fallback or a switch: envRead(NAME)<$0.Token>, envWrite(NAME)<if $0>.
func (a *Access) String() string {
	s := a.Kind.String() + "(" + a.KeyString() + ")"
	if len(a.Locks) > 0 {
		s += "[" + strings.Join(a.Locks, " ") + "]"
	}
	if g := a.Guard.String(); g != "" {
		s += "<" + g + ">"
	}
	return s
}

// dedupKey identifies accesses that facts keep only once: one per kind,
// operation and key.
func (a *Access) dedupKey() string {
	k := a.Kind.String() + "|" + a.Op + "|" + a.KeyString()
	if a.Shim {
		k += "|shim" // a child through profileenv is not one that always inherits
	}
	return k
}

// siteKey identifies accesses that summaries inside the analysed package
// keep apart: each place where a path leaves the package's code (the sink
// call, or the call into another package) is its own site, so that two
// os.Setenv calls of one key in one function, or two calls of one SDK
// function, are all reported.
func (a *Access) siteKey() string {
	k := a.dedupKey()
	for i := len(a.Path) - 1; i >= 0; i-- {
		if h := a.Path[i]; h.pos.IsValid() {
			return k + "|" + strconv.Itoa(int(h.pos))
		}
	}
	return k
}

// better reports whether a's witness is preferred over b's: shorter first,
// then fewer dynamic calls, then source order of the hops.
func (a *Access) better(b *Access) bool {
	if la, lb := a.hops(), b.hops(); la != lb {
		return la < lb
	}
	if da, db := a.dynamicHops(), b.dynamicHops(); da != db {
		return da < db
	}
	for i := range a.Path {
		if c := compareAt(a.Path[i].At, b.Path[i].At); c != 0 {
			return c < 0
		}
	}
	return false
}

// compareAt orders "path/file.go:line" strings by file, then line number.
func compareAt(a, b string) int {
	fileA, lineA := splitAt(a)
	fileB, lineB := splitAt(b)
	if fileA != fileB {
		return strings.Compare(fileA, fileB)
	}
	return lineA - lineB
}

func splitAt(at string) (string, int) {
	i := strings.LastIndex(at, ":")
	if i < 0 {
		return at, 0
	}
	n, _ := strconv.Atoi(at[i+1:])
	return at[:i], n
}

// hops is the length of the whole path, elided hops included.
func (a *Access) hops() int { return len(a.Path) + a.Elided }

func (a *Access) dynamicHops() int {
	n := 0
	for _, h := range a.Path {
		if h.Dynamic {
			n++
		}
	}
	return n
}

// prepend returns a copy of a reached through one more call.
func (a Access) prepend(h Hop) Access {
	path := make([]Hop, 0, len(a.Path)+1)
	path = append(path, h)
	path = append(path, a.Path...)
	if len(path) > MaxHops {
		path = append(path[:MaxHops-1:MaxHops-1], path[len(path)-1])
		a.Elided++
	}
	a.Path = path
	return a
}

// Summary is the fact exported for a function that reaches the environment:
// its accesses, deduplicated by kind, operation and key, sorted by
// dedupKey so that the encoding is the same on every run.
type Summary struct {
	Accesses []Access
}

// AFact marks Summary as an analysis fact.
func (*Summary) AFact() {}

// String lists the accesses, e.g. "envRead(HOME) envWrite($0)".
func (s *Summary) String() string {
	parts := make([]string, len(s.Accesses))
	for i := range s.Accesses {
		parts[i] = s.Accesses[i].String()
	}
	return strings.Join(parts, " ")
}

// TouchesEnv is the package fact exported by a package that has at least one
// Summary fact. A package that calls nothing from os, syscall, os/exec or
// testing, nor from any package with this fact, cannot reach the
// environment and is skipped.
type TouchesEnv struct{}

// AFact marks TouchesEnv as an analysis fact.
func (*TouchesEnv) AFact() {}

func (*TouchesEnv) String() string { return "touchesEnv" }

// set is a summary under construction.
type set struct {
	byKey map[string]*Access
	dirty map[string]bool // keys added or improved since the last takeDirty
	cache []Access        // sorted(), until the next change
}

func newSet() *set { return &set{byKey: map[string]*Access{}, dirty: map[string]bool{}} }

// add keeps a, or the better of a and an access already held with the same
// site key, and reports whether the set changed.
func (s *set) add(a Access) bool {
	k := a.siteKey()
	if old, ok := s.byKey[k]; ok {
		locks := intersectLocks(old.Locks, a.Locks)
		guard := meetGuards(old.Guard, a.Guard)
		kept, widened := mergeOrigin(*old, a)
		switch {
		case a.better(old):
			a, _ = mergeOrigin(a, *old)
			a.Locks, a.Guard = locks, guard
		case len(locks) < len(old.Locks) || guard != old.Guard || widened:
			a = kept
			a.Locks, a.Guard = locks, guard
		default:
			return false
		}
	}
	s.byKey[k] = &a
	s.dirty[k] = true
	s.cache = nil
	return true
}

// sorted returns the accesses ordered by site key. The slice is shared
// until the set changes; callers must not modify it.
func (s *set) sorted() []Access {
	if s.cache == nil && len(s.byKey) > 0 {
		s.cache = s.ordered(s.byKey)
	}
	return s.cache
}

// takeDirty returns, in site-key order, the accesses added or improved
// since the last call, and forgets them.
func (s *set) takeDirty() []Access {
	if len(s.dirty) == 0 {
		return nil
	}
	sub := make(map[string]*Access, len(s.dirty))
	for k := range s.dirty {
		sub[k] = s.byKey[k]
	}
	clear(s.dirty)
	return s.ordered(sub)
}

func (s *set) ordered(m map[string]*Access) []Access {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]Access, len(keys))
	for i, k := range keys {
		out[i] = *m[k]
	}
	return out
}
