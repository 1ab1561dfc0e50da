package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/passes/config"
	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// finding is one diagnostic before rendering: a rule at a site, with the
// witness of the first root (in source order) that reaches it.
type finding struct {
	rule   string
	pos    token.Pos
	root   *roots.Root
	access envaccess.Access
	keys   []string // constant keys merged at this site, sorted
	writer string   // a concurrent write the read may race with, or ""
	others map[*roots.Root]bool
	// note is what the SDK table offers for a read inside an SDK, before
	// the witness sentence (so that the whole-program view, which rebuilds
	// the sentence, keeps it); set by the reporter.
	note string
}

// checker walks from each root over the summaries and collects findings.
type checker struct {
	pass   *analysis.Pass
	cfg    *config.Config
	env    *envaccess.Result
	roots  *roots.Result
	always map[*types.Func]int8
	gen    map[*token.File]bool // files that are generated, built on first use
	// credKey is a credential the package reads, for checkExposes; nil
	// until computed.
	credKey *string

	found map[siteKey]*finding
	order []siteKey

	bodies  map[token.Pos]*ast.BlockStmt // the function body holding a call (regionview.go)
	bgRoots map[startKey]*roots.Root
	// testBases holds the base groups of test regions (testregion.go).
	testBases map[testBaseKey]*group
	// sdk finds the calls into SDK entry points that settle a read
	// (sdkcalls.go).
	sdk *SDKCalls
}

type siteKey struct {
	pos  token.Pos
	rule string
}

// rootAccess is an access reachable from a root.
type rootAccess struct {
	root   *roots.Root
	access envaccess.Access
}

// group holds what the roots of one group (that may run at the same time)
// do: every access, and the writes indexed for racingWrite.
type group struct {
	all      []rootAccess
	writes   []rootAccess
	byKey    map[string][]int // writes of each constant key
	nonConst []int            // writes of a computed name or of everything
}

func (g *group) addWrite(w rootAccess) {
	if w.access.From == envaccess.KeyConst {
		g.byKey[w.access.Key] = append(g.byKey[w.access.Key], len(g.writes))
	} else {
		g.nonConst = append(g.nonConst, len(g.writes))
	}
	g.writes = append(g.writes, w)
}

// mergeGroups returns a group holding what a and b hold (either may be
// nil).
func mergeGroups(a, b *group) *group {
	m := &group{byKey: map[string][]int{}}
	for _, g := range []*group{a, b} {
		if g == nil {
			continue
		}
		m.all = append(m.all, g.all...)
		for _, w := range g.writes {
			m.addWrite(w)
		}
	}
	return m
}

// racingWrite finds a write a read may observe: the same key, a write of
// a name it may be (a computed name, a prefix it starts with, the whole
// environment), in that order of preference, skipping writes that hold a
// lock the read holds too (they exclude each other).
//
// skip, when not nil, drops writes that cannot run alongside the read (a
// region's write made before the reader's goroutine starts).
func (g *group) racingWrite(a envaccess.Access, skip func(rootAccess) bool) (rootAccess, bool) {
	if g == nil {
		return rootAccess{}, false
	}
	pick := func(idx []int) (rootAccess, bool) {
		for _, i := range idx {
			if w := g.writes[i]; (skip == nil || !skip(w)) && !excludes(w.access, a) && envaccess.MayOverlap(&w.access, &a) && !filteredOut(a, w.access) {
				return w, true
			}
		}
		return rootAccess{}, false
	}
	if a.From != envaccess.KeyConst {
		return pick(g.order())
	}
	if w, ok := pick(g.byKey[a.Key]); ok {
		return w, true
	}
	return pick(g.nonConst)
}

// reader finds a read of a variable write w sets (a constant name, or
// one with w's prefix): a read of such a name first, then a read of
// everything (os.Environ, a child process). It finds nothing for a write
// of a computed name.
func (g *group) reader(w envaccess.Access) (rootAccess, bool) {
	if g == nil || w.From != envaccess.KeyConst && w.From != envaccess.KeyPrefix {
		return rootAccess{}, false
	}
	var all *rootAccess
	for i, o := range g.all {
		switch {
		case o.access.Kind == envaccess.Read && o.access.From == envaccess.KeyConst && w.MayName(o.access.Key):
			return o, true
		case all == nil && (o.access.Kind == envaccess.Inherit || o.access.Kind == envaccess.Read && o.access.From == envaccess.KeyAll && !o.access.ExcludesKey(w.Key)):
			all = &g.all[i]
		}
	}
	if all != nil {
		return *all, true
	}
	return rootAccess{}, false
}

// withoutRegions returns the group less the accesses of regions (the
// statements of a function after it starts a goroutine), for checking a
// region's own accesses. A region runs in one sequence: it races with what
// the goroutines and handlers do, never with itself, and not with another
// region, which is the sequential code of a caller or a callee (main and
// the constructor it calls) or of another serial test. So a region's write
// counts only where another root can observe it, and its reads and
// children race only with other roots' writes.
func (g *group) withoutRegions() *group {
	m := &group{byKey: map[string][]int{}}
	if g == nil {
		return m
	}
	for _, o := range g.all {
		if o.root.Kind != roots.MainAfterGo {
			m.all = append(m.all, o)
		}
	}
	for _, w := range g.writes {
		if w.root.Kind != roots.MainAfterGo {
			m.addWrite(w)
		}
	}
	return m
}

// withoutRegionsOnce returns g.withoutRegions(), computed once per group.
func withoutRegionsOnce(g *group, cache map[*group]*group) *group {
	v, ok := cache[g]
	if !ok {
		v = g.withoutRegions()
		cache[g] = v
	}
	return v
}

// observed reports whether another access of g can see write w: a read
// or write of a name w may set (not a read of a name computed at run
// time, which any write would match), a read of everything, or a child.
func (g *group) observed(w envaccess.Access) bool {
	for _, o := range g.all {
		switch {
		case o.access.Kind == envaccess.Inherit,
			o.access.Kind == envaccess.Read && o.access.From == envaccess.KeyAll && !filteredOut(o.access, w):
			return true
		case o.access.Kind != envaccess.Read && o.access.Kind != envaccess.Write:
		case o.access.From == envaccess.KeyConst || o.access.From == envaccess.KeyPrefix:
			if envaccess.MayOverlap(&w, &o.access) {
				return true
			}
		}
	}
	return false
}

// order returns the indexes of every write, in the order they were added.
func (g *group) order() []int {
	idx := make([]int, len(g.writes))
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// guardedWrite finds a write of a's variable that holds a lock a holds
// too, for when racingWrite finds none.
func (g *group) guardedWrite(a envaccess.Access, skip func(rootAccess) bool) (rootAccess, bool) {
	if g == nil {
		return rootAccess{}, false
	}
	for _, w := range g.writes {
		if overlaps(w.access, a) && !skip(w) {
			return w, true
		}
	}
	return rootAccess{}, false
}

func newChecker(pass *analysis.Pass) *checker {
	return &checker{
		pass:   pass,
		cfg:    pass.ResultOf[config.Analyzer].(*config.Config),
		env:    pass.ResultOf[envaccess.Analyzer].(*envaccess.Result),
		roots:  pass.ResultOf[roots.Analyzer].(*roots.Result),
		always: map[*types.Func]int8{},
		found:  map[siteKey]*finding{},

		bodies:  map[token.Pos]*ast.BlockStmt{},
		bgRoots: map[startKey]*roots.Root{},

		testBases: map[testBaseKey]*group{},
		sdk:       NewSDKCalls(pass.TypesInfo, pass.Files),
	}
}

// accesses returns what root r reaches, less the reads that a call into
// an SDK entry point settles by passing them explicitly (sdkcalls.go).
func (c *checker) accesses(r *roots.Root) []envaccess.Access {
	switch {
	case r.Lit != nil:
		return c.sdk.unsettled(c.env.LitAccesses(r.Lit))
	case r.Block != nil:
		return c.sdk.unsettled(c.env.BlockAccesses(r.Block))
	}
	return c.sdk.unsettled(c.env.FuncAccesses(r.Func))
}

// check computes every finding of the package.
func (c *checker) check() []*finding {
	writes := c.writesByGroup()
	// A goroutine or handler started by a test runs alongside the
	// parallel tests too: it sees their writes as well as its own group's.
	fixtures := mergeGroups(writes[""], writes[roots.GroupParallel])
	regionGroups := map[*group]*group{}
	for _, r := range c.roots.Roots {
		g := writes[r.Group]
		if r.Group == "" && inTestFile(c.pass.Fset, r.Pos) {
			g = fixtures
		}
		if r.Alone {
			c.checkLoneTest(r, g)
			continue
		}
		if r.Kind != roots.MainAfterGo {
			for _, a := range c.accesses(r) {
				c.checkAccess(r, a, g, false)
			}
			continue
		}
		base := withoutRegionsOnce(g, regionGroups)
		if inTestFile(c.pass.Fset, r.Pos) {
			base = c.testRegionBase(r, g, writes) // what the test started
		}
		for _, a := range c.accesses(r) {
			v := c.regionGroup(r, a, base)
			c.checkAccess(r, a, v.g, v.opaque)
		}
	}
	c.checkSerialParents()
	c.checkContextReads()
	out := make([]*finding, 0, len(c.order))
	for _, k := range c.order {
		out = append(out, c.found[k])
	}
	return out
}

// writesByGroup collects the writes reachable from each group of roots
// that may run at the same time: "" for servers and goroutines, the test
// group for tests. The serial parent of parallel subtests contributes its
// own os.Setenv and os.Unsetenv calls, which run before the subtests.
func (c *checker) writesByGroup() map[string]*group {
	w := map[string]*group{}
	get := func(name string) *group {
		if w[name] == nil {
			w[name] = &group{byKey: map[string][]int{}}
		}
		return w[name]
	}
	parents := map[*ast.FuncDecl]bool{}
	for _, r := range c.roots.Roots {
		if r.Alone {
			continue // runs beside no other test; its regions are roots
		}
		g := get(r.Group)
		for _, a := range c.accesses(r) {
			g.all = append(g.all, rootAccess{r, a})
			if a.Kind == envaccess.Write {
				g.addWrite(rootAccess{r, a})
			}
		}
		if p := r.SerialParent; p != nil && !parents[p] {
			parents[p] = true
			if fn, ok := c.pass.TypesInfo.Defs[p.Name].(*types.Func); ok {
				parent := serialParent(p, fn)
				for _, a := range c.env.FuncAccesses(fn) {
					if a.Kind == envaccess.Write {
						g := get(r.Group)
						g.all = append(g.all, rootAccess{parent, a})
						g.addWrite(rootAccess{parent, a})
					}
				}
			}
		}
	}
	return w
}

// checkLoneTest checks the package's only parallel test (roots.Root's
// Alone): nothing runs beside it but what it starts, which its concurrent
// regions (roots of their own) check; the root itself stands only for
// t.Setenv, which panics in any parallel test.
func (c *checker) checkLoneTest(r *roots.Root, g *group) {
	for _, a := range c.accesses(r) {
		if a.Kind == envaccess.TestSetenv {
			c.checkAccess(r, a, g, false)
		}
	}
}

// checkAccess checks one access of root r against g, what may run at the
// same time; opaque says that r is a region whose goroutines, started
// before the access, run code not in view.
func (c *checker) checkAccess(r *roots.Root, a envaccess.Access, g *group, opaque bool) {
	switch a.Kind {
	case envaccess.Write:
		c.addWrite(r, a, g, opaque)
	case envaccess.Inherit:
		if w, ok := c.firstWrite(r, g); ok {
			c.add(RuleExecInherit, r, a, describeAccess(w, c.pass.Pkg))
		} else {
			c.checkExposes(r, a)
		}
	case envaccess.TestSetenv:
		switch r.Kind {
		case roots.ParallelTest:
			c.add(RuleTestSetenvParallel, r, a, "")
		case roots.MainAfterGo: // after the test started a goroutine
			c.addWrite(r, a, g, opaque)
		}
	case envaccess.Read:
		c.checkRead(r, a, g)
	}
}

// firstWrite returns the first write of g that can run alongside r.
func (c *checker) firstWrite(r *roots.Root, g *group) (rootAccess, bool) {
	if g == nil {
		return rootAccess{}, false
	}
	for _, w := range g.writes {
		if !c.apart(w, r) {
			return w, true
		}
	}
	return rootAccess{}, false
}

// addWrite reports a write reachable from r, naming a concurrent reader
// of the variable when g has one.
func (c *checker) addWrite(r *roots.Root, a envaccess.Access, g *group, opaque bool) {
	if r.Kind == roots.MainAfterGo && !g.observed(a) && !(opaque && len(a.Path) == 1) {
		// Nothing running alongside the statement touches the variable:
		// neither a root of the group nor the goroutines of a starter
		// called before it (their Background). When a goroutine started
		// before it runs code not in view at all (an interface method that
		// spawns), only the region's own statements are reported: a write
		// deep in a callee (a library unsetting LISTEN_FDS at start-up) is
		// left alone unless a reader is in view.
		return
	}
	o, ok := unguarded(a, g)
	if !ok {
		return // every access of the variable holds a lock the write holds
	}
	desc := ""
	if o.root != nil { // the write holds a lock that o does not
		desc = describeUnguarded(a, o, c.pass.Pkg)
	} else if rd, ok := g.reader(a); ok {
		desc = readerMark + describeAccess(rd, c.pass.Pkg)
	}
	c.add(RuleEnvWrite, r, a, desc)
}

// checkRead reports credential reads and whole-environment reads, and
// dynamic-name reads made by the analysed package's own code, each in the
// tier ReadRule picks: a race when a write in view can run at the same
// time, otherwise a request read, a name chosen by data, or advice.
func (c *checker) checkRead(r *roots.Root, a envaccess.Access, g *group) {
	skip := func(w rootAccess) bool { return c.apart(w, r) }
	if isComputed(a) && !NameFromData(c.pass.Fset, r, a) {
		// A name the program builds, or of unknown origin, races only
		// with writes known to touch its family (KnownOverlap).
		skip = func(w rootAccess) bool {
			return !envaccess.KnownOverlap(&w.access, &a) || c.apart(w, r)
		}
	}
	w, racing := g.racingWrite(a, skip)
	desc := ""
	if racing {
		desc = describeAccess(w, c.pass.Pkg)
	} else if gw, guarded := g.guardedWrite(a, skip); guarded {
		// Every write in view holds a lock the read holds too. Code that
		// does not take the lock can still write meanwhile, so the analysed
		// code's own reads stay in the race tier, hedged (readHedge).
		desc = guardedMark + describeAccess(gw, c.pass.Pkg)
		racing = !NeedsWriter(c.cfg, c.pass.Fset, r, a)
	}
	rule := ReadRule(c.cfg, c.pass.Fset, r, a, racing)
	if rule == "" {
		return
	}
	c.add(rule, r, a, desc)
}

// readerMark starts the description of a read of the variable a write
// (holding no lock) may race with (see message).
const readerMark = "reader:"

// guardedMark starts the writer description of a read whose writes in
// view all hold a lock it holds too (see readHedge).
const guardedMark = "guarded:"

// ReadRule returns the rule of a read reachable from r, or "" when it is
// not reported; racing says whether a write it may race with is in view.
// The standalone driver applies the same rule when it regroups diagnostics.
//
//   - a credential or whole-environment read with a racing write: a race
//     (cred-read-concurrent);
//   - a read of a computed name: env-read-dynamic-concurrent, without a
//     write only where NeedsWriter allows it;
//   - a credential read without one, made by the root's own package (see
//     ownRead), from a request root (an HTTP handler or RPC method outside
//     tests): cred-read-in-request, where different callers are served;
//   - from any other root, or made behind a package boundary (an SDK's
//     default credential chain, a key source's fallback to the process's
//     identity): cred-read-shared, advice (one identity, nothing to race
//     with).
//
// Reads NeedsWriter keeps for writes in view because of what they read (a
// library's locator or whole-environment read), and a library's read of a
// credential path (libraryPathRead), are silent without one.
func ReadRule(cfg *config.Config, fset *token.FileSet, r *roots.Root, a envaccess.Access, racing bool) string {
	switch a.From {
	case envaccess.KeyConst:
		if !cfg.IsCredential(a.Key) {
			return ""
		}
	case envaccess.KeyAll:
	default:
		return computedNameRule(cfg, fset, r, a, racing)
	}
	switch {
	case racing:
		return RuleCredRead
	case accessNeedsWriter(cfg, a), libraryPathRead(cfg, a):
		return "" // a library's locator, path or whole-environment read
	case isRequestRoot(fset, r) && ownRead(r, a):
		return RuleRequestRead
	}
	return RuleSharedRead
}

// computedNameRule is ReadRule for a read of a name computed at run time
// (issue 13, K13): a name data can choose (request data, template or
// configuration text, decoded input) is in the names tier; any other (the
// program's own constants and counters, a field or a method result of
// unknown origin) is a race with a write known to touch its family, and
// otherwise advice.
func computedNameRule(cfg *config.Config, fset *token.FileSet, r *roots.Root, a envaccess.Access, racing bool) string {
	switch {
	case NameFromData(fset, r, a):
		if racing || !NeedsWriter(cfg, fset, r, a) {
			return RuleDynamicRead
		}
	case racing:
		return RuleCredRead
	case !NeedsWriter(cfg, fset, r, a):
		return RuleSharedRead
	}
	return ""
}

// isComputed reports whether a's name is computed at run time: not a
// constant, not the whole environment.
func isComputed(a envaccess.Access) bool {
	return a.From != envaccess.KeyConst && a.From != envaccess.KeyAll
}

// NameFromData reports whether data can choose the name a reads: its
// unknown part comes from data, or the name (or its unknown part) comes
// from parameters of a request root (a gRPC method's request message)
// that no call site resolved.
func NameFromData(fset *token.FileSet, r *roots.Root, a envaccess.Access) bool {
	return a.NameFromData() || (a.NameFromParams() || a.From.IsParam()) && isRequestRoot(fset, r)
}

// isRequestRoot reports whether r serves requests: an HTTP handler of any
// supported router, or a gRPC or net/rpc method, outside test files (a test
// server's handler serves the test alone).
func isRequestRoot(fset *token.FileSet, r *roots.Root) bool {
	return (r.Kind == roots.HTTPHandler || r.Kind == roots.RPCMethod) && !rootNeedsWriter(fset, r)
}

// NeedsWriter reports whether a read reachable from r is reported in the
// race or data tiers only when a write it may race with is in view:
// reads in tests, in main's own statements and in fixtures declared in
// _test.go files, and reads in other packages of a credential locator (a
// library finding its data directory under HOME or XDG_DATA_HOME), of the
// whole environment (an SDK building a child's environment) or of a
// computed name (a lookup table). The analysed code's own reads need none.
func NeedsWriter(cfg *config.Config, fset *token.FileSet, r *roots.Root, a envaccess.Access) bool {
	return rootNeedsWriter(fset, r) || accessNeedsWriter(cfg, a)
}

// accessNeedsWriter is the part of NeedsWriter that depends on the access:
// a read in another package of a locator, of everything or of a computed
// name.
func accessNeedsWriter(cfg *config.Config, a envaccess.Access) bool {
	if envaccess.IsShimOp(a.Op) {
		// profileenv.Getenv(ctx, k) reads the request's own profile once
		// middleware attaches one: it races only with a write in view.
		return true
	}
	if len(a.Path) > 0 && a.Path[len(a.Path)-1].Pos().IsValid() {
		return false // the analysed code reads it itself
	}
	switch {
	case a.From == envaccess.KeyConst:
		return cfg.IsLocator(a.Key)
	case a.NameFromData():
		// lib.Lookup(r.FormValue("name")): the analysed code hands the
		// data that names the variable to another package's read.
		return !readingHop(a).Pos().IsValid()
	}
	return true // whole environment, or a name computed in another package
}

// rootNeedsWriter reports whether r is a test, main's own statements, or a
// root declared in a _test.go file.
func rootNeedsWriter(fset *token.FileSet, r *roots.Root) bool {
	return r.Group != "" || r.Kind == roots.MainAfterGo || inTestFile(fset, r.Pos)
}

// inTestFile reports whether pos is in a _test.go file.
func inTestFile(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// checkSerialParents reports os.Setenv and os.Unsetenv in a serial test
// whose parallel subtests run after it returns (its defers have run by then).
func (c *checker) checkSerialParents() {
	seen := map[*ast.FuncDecl]bool{}
	for _, r := range c.roots.Roots {
		p := r.SerialParent
		if p == nil || seen[p] {
			continue
		}
		seen[p] = true
		fn, ok := c.pass.TypesInfo.Defs[p.Name].(*types.Func)
		if !ok {
			continue
		}
		parent := serialParent(p, fn)
		for _, a := range c.env.FuncAccesses(fn) {
			if a.Kind == envaccess.Write {
				c.add(RuleWriteBeforeSubtests, parent, a, "")
			}
		}
	}
}

// viaSerialParent marks the root that stands for a serial test whose
// parallel subtests run after it returns.
const viaSerialParent = "serial parent"

func serialParent(p *ast.FuncDecl, fn *types.Func) *roots.Root {
	return &roots.Root{Kind: roots.ParallelTest, Func: fn, Pos: p.Name.Pos(), Name: fn.Name(), Via: viaSerialParent}
}

// add records a finding at the site the placement policy picks, merging
// keys and roots that meet there.
func (c *checker) add(rule string, r *roots.Root, a envaccess.Access, writer string) {
	c.addAt(c.place(r, a), rule, r, a, writer)
}

// addAt records a finding at pos, merging with one already there.
func (c *checker) addAt(pos token.Pos, rule string, r *roots.Root, a envaccess.Access, writer string) {
	if !pos.IsValid() || !c.cfg.Enabled(rule) {
		return
	}
	k := siteKey{pos, rule}
	f := c.found[k]
	if f == nil {
		f = &finding{rule: rule, pos: pos, root: r, access: a, writer: writer, others: map[*roots.Root]bool{}}
		c.found[k] = f
		c.order = append(c.order, k)
	} else if f.root != r {
		f.others[r] = true
	}
	if f.writer == "" && writer != "" && f.root == r {
		f.writer = writer
	}
	if f.access.Guard != a.Guard {
		f.access.Guard = envaccess.Guard{} // a fallback only if every access here is one
	}
	if a.From == envaccess.KeyConst {
		f.keys = insertSorted(f.keys, a.Key)
	}
}

func insertSorted(keys []string, k string) []string {
	for i, x := range keys {
		if x == k {
			return keys
		}
		if x > k {
			return append(keys[:i], append([]string{k}, keys[i:]...)...)
		}
	}
	return append(keys, k)
}
