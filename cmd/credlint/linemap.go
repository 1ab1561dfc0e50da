package main

import "strings"

// maxLineEdits bounds the edit distance lineMap computes: go vet -fix
// changes a few lines per fix, and the Myers trace grows with the square
// of the distance. Past it the file counts as rewritten.
const maxLineEdits = 4000

// lineMap returns, for each line of old (index 0 is line 1), the 1-based
// line of new that holds it after an edit turned old into new: the same
// line where it was kept, and for a changed or deleted line the line that
// took its place. It returns nil when the files differ in more than
// maxLineEdits lines. It is the Myers diff of the two files' lines, after
// their common head and tail.
func lineMap(old, new string) []int {
	a, b := strings.SplitAfter(old, "\n"), strings.SplitAfter(new, "\n")
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	match := myersMatch(a[head:len(a)-tail], b[head:len(b)-tail])
	if match == nil && len(a)-head-tail > 0 && len(b)-head-tail > 0 {
		return nil
	}
	out := make([]int, len(a))
	for i := range head {
		out[i] = i + 1
	}
	// A line without a match takes the place after the last line kept
	// before it, within the changed lines (a line rewritten in place
	// lands on its replacement).
	prevOld, prevNew := head-1, head-1
	for i := head; i < len(a)-tail; i++ {
		if j := match[i-head]; j >= 0 {
			prevOld, prevNew = i, head+j
			out[i] = prevNew + 1
			continue
		}
		out[i] = max(min(prevNew+(i-prevOld), len(b)-tail-1), 0) + 1
	}
	for i := len(a) - tail; i < len(a); i++ {
		out[i] = i - len(a) + len(b) + 1
	}
	return out
}

// myersMatch returns, for each line of a, the index of the line of b it is
// kept as, or -1; nil when more than maxLineEdits edits separate them.
func myersMatch(a, b []string) []int {
	n, m := len(a), len(b)
	match := make([]int, n)
	for i := range match {
		match[i] = -1
	}
	if n == 0 || m == 0 {
		return match
	}
	// v[k+off] is the furthest x on diagonal k; trace[d] is v before
	// round d, kept for the diagonals round d reads.
	off := n + m + 1
	v := make([]int, 2*off+1)
	var trace [][]int
	for d := 0; d <= min(n+m, maxLineEdits); d++ {
		trace = append(trace, append([]int(nil), v[off-d-1:off+d+2]...))
		for k := -d; k <= d; k += 2 {
			x := v[off+k-1] + 1
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				backtrack(trace, a, b, match)
				return match
			}
		}
	}
	return nil
}

// backtrack walks the trace from the end of both files back to their
// start and records the lines kept (the diagonal moves).
func backtrack(trace [][]int, a, b []string, match []int) {
	x, y := len(a), len(b)
	for d := len(trace) - 1; d > 0; d-- {
		prev := trace[d] // v after round d-1, for diagonals -d-1 .. d+1
		at := func(k int) int { return prev[k+d+1] }
		k := x - y
		pk := k - 1
		if k == -d || k != d && at(k-1) < at(k+1) {
			pk = k + 1
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
			x, y = x-1, y-1
			match[x] = y
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		match[x] = y
	}
}
