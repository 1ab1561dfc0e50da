package envaccess

import (
	"bytes"
	"encoding/gob"
	"fmt"
)

// This file gives Summary a compact gob encoding. Every importer of a
// package decodes its Summary facts, and the facts encoder of x/tools
// re-exports facts on methods of imported packages to every importer, so
// their size counts many times over. The plain encoding repeats each
// string: an SDK loader that reads 50 variables through one path stored
// that path's callee names and "pkg/file.go:line" positions 50 times.
// Here each distinct string is stored once, in a table, and accesses and
// hops refer to it by index. The decoded Summary is the same value.

// wireSummary is the encoded form of a Summary.
type wireSummary struct {
	Strings  []string
	Accesses []wireAccess
}

type wireAccess struct {
	Kind   Kind
	From   KeyFrom
	Param  int
	Elided bool
	Op     int   // index in Strings
	Key    int   // index in Strings
	Locks  []int // indices in Strings
	Path   []wireHop
}

type wireHop struct {
	Callee, At int // indices in Strings
	Dynamic    bool
}

// GobEncode encodes s with a string table.
func (s *Summary) GobEncode() ([]byte, error) {
	idx := map[string]int{}
	w := wireSummary{Accesses: make([]wireAccess, len(s.Accesses))}
	str := func(v string) int {
		if i, ok := idx[v]; ok {
			return i
		}
		idx[v] = len(w.Strings)
		w.Strings = append(w.Strings, v)
		return idx[v]
	}
	for i, a := range s.Accesses {
		wa := wireAccess{Kind: a.Kind, From: a.From, Param: a.Param, Elided: a.Elided, Op: str(a.Op), Key: str(a.Key)}
		for _, l := range a.Locks {
			wa.Locks = append(wa.Locks, str(l))
		}
		wa.Path = make([]wireHop, len(a.Path))
		for j, h := range a.Path {
			wa.Path[j] = wireHop{Callee: str(h.Callee), At: str(h.At), Dynamic: h.Dynamic}
		}
		w.Accesses[i] = wa
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&w); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// GobDecode decodes what GobEncode wrote. An index out of range (a
// corrupt or foreign fact) is an error, never a panic.
func (s *Summary) GobDecode(data []byte) error {
	var w wireSummary
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&w); err != nil {
		return err
	}
	var bad error
	str := func(i int) string {
		if i < 0 || i >= len(w.Strings) {
			bad = fmt.Errorf("envaccess: Summary fact refers to string %d of %d", i, len(w.Strings))
			return ""
		}
		return w.Strings[i]
	}
	s.Accesses = make([]Access, len(w.Accesses))
	for i, wa := range w.Accesses {
		a := Access{Kind: wa.Kind, From: wa.From, Param: wa.Param, Elided: wa.Elided, Op: str(wa.Op), Key: str(wa.Key)}
		for _, l := range wa.Locks {
			a.Locks = append(a.Locks, str(l))
		}
		a.Path = make([]Hop, len(wa.Path))
		for j, h := range wa.Path {
			a.Path[j] = Hop{Callee: str(h.Callee), At: str(h.At), Dynamic: h.Dynamic}
		}
		s.Accesses[i] = a
	}
	return bad
}
