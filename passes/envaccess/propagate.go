package envaccess

// maxEdgeVisits bounds the fixed-point iteration on pathological packages;
// summaries only grow and witnesses only improve, so real code converges
// long before.
const maxEdgeVisits = 1 << 20

// propagate computes every body's summary as the least fixed point of
//
//	sum(b) = direct(b) ∪ ⋃ { instantiate(sum(c), call) : b calls c }
//
// over the package's call graph, recursion included, keeping for each site
// the best witness (Access.better). It is semi-naive: a body whose summary
// changed puts its callers back on the work list, and only the accesses
// that were added or improved since the body was last taken off the list
// flow to them. The result does not depend on the order of the work list,
// because prepending one hop to two paths keeps their order under better.
func (st *state) propagate() {
	callers := map[*body][]*edge{}
	for _, b := range st.order {
		for i := range b.edges {
			e := &b.edges[i]
			callers[e.callee] = append(callers[e.callee], e)
		}
		for _, a := range b.direct.sorted() {
			b.sum.add(a)
		}
	}
	queue := append([]*body(nil), st.order...)
	queued := map[*body]bool{}
	for _, b := range queue {
		queued[b] = true
	}
	visits := 0
	for len(queue) > 0 && visits < maxEdgeVisits {
		b := queue[0]
		queue = queue[1:]
		queued[b] = false
		acc := b.sum.takeDirty()
		for _, e := range callers[b] {
			visits++
			if st.through(e, acc) && !queued[e.caller] {
				queued[e.caller] = true
				queue = append(queue, e.caller)
			}
		}
	}
}

// through adds the callee's accesses to the caller of e and reports whether
// the caller's summary changed.
func (st *state) through(e *edge, acc []Access) bool {
	changed := false
	for _, a := range acc {
		if e.once && a.Kind == Read {
			continue
		}
		for _, inst := range instantiate(a, e.call, e.caller.scope) {
			inst, ok := e.caller.scope.guardThrough(inst, e.call, e.hop.Dynamic, e.caller.block, e.hop.pos)
			if !ok {
				continue // the call passes the value the access is a fallback for
			}
			inst = inst.prepend(e.hop)
			inst.Locks = unionLocks(inst.Locks, e.locks)
			if e.caller.sum.add(inst) {
				changed = true
			}
		}
	}
	return changed
}
