package bgtest

import (
	"os"
	"testing"

	"regions/bglib"
)

// The serial subtests of a test whose code under test left a signal loop
// running (go-task's shape): that loop reads no variable.
func TestQuiet(t *testing.T) {
	bglib.StartQuiet()
	t.Run("a", func(t *testing.T) {
		t.Setenv("BG_TOKEN", "a") // not reported: only the signal loop runs, and it reads nothing
	})
	t.Setenv("BG_TOKEN", "b") // not reported: likewise
}

func TestReader(t *testing.T) {
	bglib.StartReader()
	t.Setenv("BG_TOKEN", "b") // want `^t\.Setenv\("BG_TOKEN"\) reachable from TestReader after its goroutines start`
}

// Serial subtests that set the variable around bglib.Same, which joins its
// goroutine by a receive (cloud-sql-proxy's tests around cmp.Equal).
func TestSame(t *testing.T) {
	for _, v := range []string{"a", "b"} {
		t.Run(v, func(t *testing.T) {
			os.Setenv("BG_TOKEN", v)      // not reported: the previous iteration's Same left nothing running
			defer os.Unsetenv("BG_TOKEN") // not reported: likewise
			if !bglib.Same(v, os.Getenv("BG_TOKEN")) {
				t.Fatal("differs")
			}
			t.Setenv("BG_TOKEN", "c") // not reported: Same has returned, and so has its goroutine
		})
	}
}

// SameOrGiveUp may leave its comparison running.
func TestSameOrGiveUp(t *testing.T) {
	bglib.SameOrGiveUp("a", "b", nil)
	t.Setenv("BG_TOKEN", "b") // want `^t\.Setenv\("BG_TOKEN"\) reachable from TestSameOrGiveUp after its goroutines start`
}
