package envaccess

// component is a strongly connected component of the package's call graph
// (bodies and edges of this package only): a set of functions that can all
// reach one another, or one function.
type component struct {
	members []*body
	// shared, when set, holds the accesses every member reaches in the
	// same form (shared.go): the component is big and every call inside
	// it leaves an access as it is, so that the members' summaries need
	// not each hold a copy.
	shared *sharedSummary
}

// components returns the components of the bodies in st.order, callees'
// components before their callers' (Tarjan's algorithm, which finds them
// in that order), and sets each body's comp. It is iterative: a chain of
// calls thousands long must not exhaust the stack.
func (st *state) components() []*component {
	index := map[*body]int{}
	low := map[*body]int{}
	onStack := map[*body]bool{}
	var stack []*body
	var out []*component
	type frame struct {
		b    *body
		next int // the index of the next edge of b to follow
	}
	for _, root := range st.order {
		if _, seen := index[root]; seen {
			continue
		}
		frames := []frame{{b: root}}
		index[root], low[root] = len(index), len(index)
		stack = append(stack, root)
		onStack[root] = true
		for len(frames) > 0 {
			f := &frames[len(frames)-1]
			if f.next < len(f.b.edges) {
				c := f.b.edges[f.next].callee
				f.next++
				if _, seen := index[c]; !seen {
					index[c], low[c] = len(index), len(index)
					stack = append(stack, c)
					onStack[c] = true
					frames = append(frames, frame{b: c})
				} else if onStack[c] {
					low[f.b] = min(low[f.b], index[c])
				}
				continue
			}
			b := f.b
			frames = frames[:len(frames)-1]
			if len(frames) > 0 {
				p := frames[len(frames)-1].b
				low[p] = min(low[p], low[b])
			}
			if low[b] != index[b] {
				continue
			}
			comp := &component{}
			for {
				m := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[m] = false
				m.comp = comp
				comp.members = append(comp.members, m)
				if m == b {
					break
				}
			}
			out = append(out, comp)
		}
	}
	return out
}
