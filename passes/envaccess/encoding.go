package envaccess

import (
	"encoding/binary"
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

// The format, all integers unsigned varints: a version (6), the number of
// strings and each string (length, bytes); the number of accesses and for
// each: Kind (plus shimBit for an access through profileenv, so the flag
// costs no byte), From plus Origin<<originShift (where a computed name
// comes from, no byte of its own), Param (for a computed name, the bits of
// the parameters it comes from), Elided (the hops dropped), Op, Key, the
// number of locks and each lock, the number of hops and for each: Callee,
// At, flags (bit 0 Dynamic, bit 1 Names),
// then the guard: 0 for none, else Slot+1, Field, Text, Set (0 or 1);
// strings are given by their index in the table. No gob inside: a nested
// gob stream would repeat its type descriptors in every fact.
const encodingVersion = 6

// shimBit marks, in the encoded Kind, an access through profileenv
// (Access.Shim: a read that sees the context's profile, a child whose Env
// profileenv sets), which a caller in another package must tell from a
// process access.
const shimBit = 32

// originShift places an access's Origin above its From (fewer than 16
// kinds) in one varint.
const originShift = 4

// GobEncode encodes s with a string table.
func (s *Summary) GobEncode() ([]byte, error) {
	idx := map[string]uint64{}
	var table []string
	str := func(v string) uint64 {
		if i, ok := idx[v]; ok {
			return i
		}
		idx[v] = uint64(len(table))
		table = append(table, v)
		return idx[v]
	}
	var body []byte
	put := func(v uint64) { body = binary.AppendUvarint(body, v) }
	flag := func(b bool) uint64 {
		if b {
			return 1
		}
		return 0
	}
	put(uint64(len(s.Accesses)))
	for _, a := range s.Accesses {
		kind := uint64(a.Kind)
		if a.Shim {
			kind |= shimBit
		}
		put(kind)
		put(uint64(a.From) | uint64(a.Origin)<<originShift)
		put(uint64(a.Param))
		put(uint64(a.Elided))
		put(str(a.Op))
		put(str(a.Key))
		put(uint64(len(a.Locks)))
		for _, l := range a.Locks {
			put(str(l))
		}
		put(uint64(len(a.Path)))
		for _, h := range a.Path {
			put(str(h.Callee))
			put(str(h.At))
			put(flag(h.Dynamic) | flag(h.Names)<<1)
		}
		if a.Guard == (Guard{}) {
			put(0)
			continue
		}
		put(uint64(a.Guard.Slot) + 1)
		put(str(a.Guard.Field))
		put(str(a.Guard.Text))
		put(flag(a.Guard.Set))
	}
	out := binary.AppendUvarint(nil, encodingVersion)
	out = binary.AppendUvarint(out, uint64(len(table)))
	for _, t := range table {
		out = binary.AppendUvarint(out, uint64(len(t)))
		out = append(out, t...)
	}
	return append(out, body...), nil
}

// GobDecode decodes what GobEncode wrote. Malformed data (a corrupt or
// foreign fact) is an error, never a panic.
func (s *Summary) GobDecode(data []byte) error {
	d := decoder{data: data}
	if v := d.uint(); v != encodingVersion {
		return fmt.Errorf("envaccess: Summary fact encoding version %d, want %d", v, encodingVersion)
	}
	table := make([]string, d.count())
	for i := range table {
		table[i] = d.bytes(d.count())
	}
	str := func() string {
		i := d.uint()
		if i >= uint64(len(table)) {
			d.fail("string index %d of %d", i, len(table))
			return ""
		}
		return table[i]
	}
	s.Accesses = make([]Access, d.count())
	for i := range s.Accesses {
		kind := d.uint()
		from := d.uint()
		a := Access{Kind: Kind(kind &^ shimBit), Shim: kind&shimBit != 0, From: KeyFrom(from & (1<<originShift - 1)),
			Origin: NameOrigin(from >> originShift), Param: int(d.uint()), Elided: int(d.uint())}
		a.Op, a.Key = str(), str()
		if n := d.count(); n > 0 {
			a.Locks = make([]string, n)
			for j := range a.Locks {
				a.Locks[j] = str()
			}
		}
		a.Path = make([]Hop, d.count())
		for j := range a.Path {
			h := Hop{Callee: str(), At: str()}
			bits := d.uint()
			h.Dynamic, h.Names = bits&1 != 0, bits&2 != 0
			a.Path[j] = h
		}
		if g := d.uint(); g > 0 {
			a.Guard = Guard{Slot: int(g - 1), Field: str(), Text: str()}
			a.Guard.Set = d.uint() != 0
		}
		s.Accesses[i] = a
	}
	if d.err == nil && len(d.data) > 0 {
		d.fail("%d bytes left over", len(d.data))
	}
	return d.err
}

// decoder reads varints and byte strings, remembering the first error.
type decoder struct {
	data []byte
	err  error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("envaccess: malformed Summary fact: "+format, args...)
	}
	d.data = nil
}

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.data)
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.data = d.data[n:]
	return v
}

// count reads a length, bounded by the bytes left (each element takes at
// least one byte), so corrupt data cannot make a huge allocation.
func (d *decoder) count() int {
	v := d.uint()
	if v > uint64(len(d.data)) {
		d.fail("count %d exceeds the %d bytes left", v, len(d.data))
		return 0
	}
	return int(v)
}

func (d *decoder) bytes(n int) string {
	if n > len(d.data) {
		d.fail("string of %d bytes, %d left", n, len(d.data))
		return ""
	}
	v := string(d.data[:n])
	d.data = d.data[n:]
	return v
}
