package bgtest

import (
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
