package main

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestLineMap checks where lineMap puts each line of a file after go vet
// -fix style edits: an import block grown by two lines, a line rewritten
// in place (at its replacement), a line deleted (at the line before it).
func TestLineMap(t *testing.T) {
	old := lines("package h", "import (", `"os"`, ")", "func f() {", `os.Getenv("A")`, `os.Setenv("B")`, "drop me", "}")
	new := lines("package h", "import (", `"os"`, "", `"profileenv"`, ")", "func f() {", `profileenv.Getenv(ctx, "A")`, `os.Setenv("B")`, "}")
	got := lineMap(old, new)
	//              package import "os" )  func Getenv Setenv drop }  (after the last newline)
	want := []int{1, 2, 3, 6, 7, 8, 9, 9, 10, 11}
	if !slices.Equal(got, want) {
		t.Errorf("lineMap = %v, want %v", got, want)
	}
	if got := lineMap(old, old); !slices.Equal(got, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
		t.Errorf("lineMap of an unchanged file = %v", got)
	}
}

func lines(l ...string) string { return strings.Join(l, "\n") + "\n" }

// TestMyersMatchIsALongestCommonSubsequence compares myersMatch with the
// length of a longest common subsequence on small random files: every
// match pairs equal lines, in order, and there are as many as can be.
func TestMyersMatchIsALongestCommonSubsequence(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		a, b := randomLines(r), randomLines(r)
		match := myersMatch(a, b)
		n, last := 0, -1
		for i, j := range match {
			if j < 0 {
				continue
			}
			if j <= last || a[i] != b[j] {
				t.Fatalf("myersMatch(%q, %q) = %v: not an ordered match of equal lines", a, b, match)
			}
			n, last = n+1, j
		}
		if want := lcsLen(a, b); n != want {
			t.Fatalf("myersMatch(%q, %q) = %v: %d matches, want %d", a, b, match, n, want)
		}
	}
}

func randomLines(r *rand.Rand) []string {
	l := make([]string, r.IntN(12))
	for i := range l {
		l[i] = string(rune('a' + r.IntN(4)))
	}
	return l
}

func lcsLen(a, b []string) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}
