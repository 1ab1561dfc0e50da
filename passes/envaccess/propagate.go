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
// the best witness (Access.better). It settles one strongly connected
// component at a time, callees' first (scc.go), so that a call out of a
// component takes its callee's final summary once. Inside a component it
// is semi-naive: a body whose summary changed puts its callers in the
// component back on the work list, and only the accesses that were added
// or improved since the body was last taken off the list flow to them. The
// result does not depend on the order of the work list, because
// prepending one hop to two paths keeps their order under better. A big
// component keeps the accesses no inner call changes once (shared.go).
func (st *state) propagate() {
	for i, b := range st.order {
		b.index = i
	}
	comps := st.components()
	fromOutside := map[*body]bool{}
	for _, b := range st.order {
		for i := range b.edges {
			if e := &b.edges[i]; e.callee.comp != b.comp {
				fromOutside[e.callee] = true
			}
		}
	}
	visits := 0
	for _, c := range comps {
		st.share(c)
		st.settle(c, &visits)
		if c.shared != nil {
			for _, b := range c.members {
				if needsView(b, fromOutside) {
					st.materialise(b)
				}
			}
		}
	}
}

// settle computes the summaries of c's members; every callee outside c is
// settled already.
func (st *state) settle(c *component, visits *int) {
	callers := map[*body][]*edge{}
	for _, b := range c.members {
		for _, a := range b.direct.sorted() {
			st.addTo(b, a)
		}
		for i := range b.edges {
			e := &b.edges[i]
			if e.callee.comp == c {
				callers[e.callee] = append(callers[e.callee], e)
				continue
			}
			*visits++
			st.through(e, e.callee.sum.sorted())
		}
	}
	queue := append([]*body(nil), c.members...)
	queued := map[*body]bool{}
	for _, b := range queue {
		queued[b] = true
	}
	for len(queue) > 0 && *visits < maxEdgeVisits {
		b := queue[0]
		queue = queue[1:]
		queued[b] = false
		acc := b.sum.takeDirty()
		for _, e := range callers[b] {
			*visits++
			if st.through(e, acc) && !queued[e.caller] {
				queued[e.caller] = true
				queue = append(queue, e.caller)
			}
		}
	}
}

// through adds the callee's accesses to the caller of e and reports whether
// the caller's own summary changed.
func (st *state) through(e *edge, acc []Access) bool {
	changed := false
	for _, a := range acc {
		for _, inst := range instantiate(a, e.call, e.caller.scope) {
			inst, ok := e.caller.scope.guardThrough(inst, e.call, e.hop.Dynamic, e.caller.block, e.hop.pos)
			if !ok {
				continue // the call passes the value the access is a fallback for
			}
			inst = inst.prepend(namingHop(a, inst, e.hop))
			inst.Locks = unionLocks(inst.Locks, e.locks)
			if e.once && inst.Kind == Read {
				st.addOnceRead(inst)
				continue
			}
			if st.addTo(e.caller, inst) {
				changed = true
			}
		}
	}
	return changed
}
