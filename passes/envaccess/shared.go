package envaccess

import (
	"go/types"
	"slices"
)

// sharedMin is the number of functions from which a component of the call
// graph keeps one shared summary instead of one per member. In a component
// every member reaches every access of every other, so per-member
// summaries hold n copies of n accesses: 1,000 mutually recursive
// functions, each with its own read, held a million witnesses and 2.6 GB
// (bench/grow -shape recursive). Small components keep the plain fixed
// point, whose witnesses the tests pin. A variable so that tests can
// compare the two on small graphs.
var sharedMin = 32

// sharedSummary holds, for a component whose inner calls all leave an
// access unchanged (plainInside), each access that no inner call can change
// (invariant) once, with the witness from each member where it enters the
// component: the member's own access, or one of a callee outside the
// component. A member's summary is its own set plus every shared access,
// with the witness through the shortest chain of inner calls to the
// member where it enters (view). Only the members asked for are
// materialised: those with callers outside the component, those whose
// summary is exported as a fact, and those the Result is asked about.
type sharedSummary struct {
	sites map[string]map[*body]*Access // by site key, then by entry member
}

// share gives c a shared summary when it is big enough and plain inside.
func (st *state) share(c *component) {
	if len(c.members) < sharedMin || !st.plainInside(c) {
		return
	}
	c.shared = &sharedSummary{sites: map[string]map[*body]*Access{}}
}

// plainInside reports whether every call between members of c passes an
// invariant access on unchanged but for the hop: not a run-once call
// (which drops reads), no lock held (which adds to Locks), no fallback
// guard around it (which guards the access).
func (st *state) plainInside(c *component) bool {
	for _, b := range c.members {
		for i := range b.edges {
			e := &b.edges[i]
			if e.callee.comp != c {
				continue
			}
			if e.once || len(e.locks) > 0 {
				return false
			}
			if b.scope.guards != nil && b.scope.guardAt(b.block, e.hop.pos) != (Guard{}) {
				return false
			}
		}
	}
	return true
}

// invariant reports whether no plain call changes a: its name does not come
// from a parameter (instantiate keeps it) and it is no fallback (a call
// cannot discharge it).
func invariant(a *Access) bool {
	switch a.From {
	case KeyConst, KeyDynamic, KeyAll, KeyPrefix:
		return a.Guard == (Guard{})
	}
	return false
}

// add records a as entering the component at member m, and reports whether
// that changed anything.
func (s *sharedSummary) add(m *body, a Access) bool {
	k := a.siteKey()
	at := s.sites[k]
	if at == nil {
		at = map[*body]*Access{}
		s.sites[k] = at
	}
	if old := at[m]; old != nil {
		locks := intersectLocks(old.Locks, a.Locks)
		if !a.better(old) {
			if len(locks) == len(old.Locks) {
				return false
			}
			a = *old
		}
		a.Locks = locks
	}
	at[m] = &a
	return true
}

// addTo adds a to b's summary, or to its component's shared summary when a
// is invariant there, and reports whether b's own summary changed (shared
// accesses never travel along the component's inner calls: every member
// sees them already).
func (st *state) addTo(b *body, a Access) bool {
	if sh := b.comp.shared; sh != nil && invariant(&a) {
		sh.add(b, a)
		return false
	}
	return b.sum.add(a)
}

// materialise adds the shared accesses, each with its best witness from b,
// to b's own summary; once.
func (st *state) materialise(b *body) {
	c := b.comp
	if c == nil || c.shared == nil || b.full {
		return
	}
	b.full = true
	chains := st.innerChains(b)
	keys := make([]string, 0, len(c.shared.sites))
	for k := range c.shared.sites {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		b.sum.add(st.view(c.shared.sites[k], chains))
	}
}

// accessesOf returns b's summary. For a member of a big component that was
// not materialised, it is built for this call and not kept: asked of every
// member, kept summaries would be the n copies of n accesses the shared
// summary avoids.
func (st *state) accessesOf(b *body) []Access {
	c := b.comp
	if c == nil || c.shared == nil || b.full {
		return b.sum.sorted()
	}
	all := newSet()
	for _, a := range b.sum.sorted() {
		all.add(a)
	}
	chains := st.innerChains(b)
	for _, at := range c.shared.sites {
		all.add(st.view(at, chains))
	}
	return all.sorted()
}

// view returns one shared access as seen from the member the chains start
// at: the best witness over its entries, the locks held on all of them.
func (st *state) view(at map[*body]*Access, chains map[*body]chain) Access {
	var best Access
	found := false
	var locks []string
	for _, m := range st.sortedEntries(at) {
		a := at[m]
		if !found {
			locks = a.Locks
		} else {
			locks = intersectLocks(locks, a.Locks)
		}
		if found && chains[m].n+a.hops() > best.hops() {
			continue
		}
		cand := withChain(*a, chains[m])
		if !found || cand.better(&best) {
			best, found = cand, true
		}
	}
	best.Locks = locks
	return best
}

// chain is the shortest chain of inner calls from one member to another:
// its first MaxHops-1 hops (a witness never shows more) and its length.
type chain struct {
	hops []Hop
	n    int
}

// withChain prepends the chain's calls to a's witness, keeping the first
// MaxHops-1 hops and the access, as prepend does one hop at a time.
func withChain(a Access, ch chain) Access {
	if ch.n == 0 {
		return a
	}
	path := make([]Hop, 0, len(ch.hops)+len(a.Path))
	path = append(path, ch.hops...)
	path = append(path, a.Path...)
	if total := ch.n + len(a.Path); total > MaxHops {
		a.Elided += total - MaxHops
		path = append(path[:MaxHops-1:MaxHops-1], path[len(path)-1])
	}
	a.Path = path
	return a
}

// innerChains returns, for every member of b's component, the shortest
// chain of inner calls from b to it (breadth first, calls in source
// order).
func (st *state) innerChains(b *body) map[*body]chain {
	chains := map[*body]chain{b: {}}
	queue := []*body{b}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for i := range x.edges {
			e := &x.edges[i]
			if e.callee.comp != b.comp {
				continue
			}
			if _, seen := chains[e.callee]; seen {
				continue
			}
			ch := chains[x]
			next := chain{hops: ch.hops, n: ch.n + 1}
			if len(ch.hops) < MaxHops-1 {
				next.hops = append(slices.Clip(ch.hops), e.hop)
			}
			chains[e.callee] = next
			queue = append(queue, e.callee)
		}
	}
	return chains
}

// sortedEntries orders a site's entry members by their place in the
// package, so that ties between witnesses break the same way every run.
func (st *state) sortedEntries(at map[*body]*Access) []*body {
	out := make([]*body, 0, len(at))
	for m := range at {
		out = append(out, m)
	}
	slices.SortFunc(out, func(x, y *body) int { return x.index - y.index })
	return out
}

// needsView reports whether b's full summary is needed when its component
// is settled: by a caller outside the component, or for a fact.
func needsView(b *body, calledFromOutside map[*body]bool) bool {
	return calledFromOutside[b] || b.fn == nil || exportsFact(b.fn)
}

// exportsFact reports whether another package can call fn, so that its
// summary must be exported as a fact: an exported function, or a method
// (interface dispatch reaches methods of unexported types too). An
// unexported function is only ever called, or taken as a value, inside
// its own package, whose analysis has its body.
func exportsFact(fn *types.Func) bool {
	return fn.Exported() || fn.Type().(*types.Signature).Recv() != nil
}
