package runner

import (
	"testing"

	"github.com/credlint/credlint/bench/precision/repro/laterstart/signals"
)

// go-task's shape: serial subtests set variables after the code under
// test left a signal loop running; that loop reads no variable.
func TestRun(t *testing.T) {
	signals.Trap()
	t.Run("a", func(t *testing.T) {
		t.Setenv("CONFIG_TOKEN", "a") // ok: only the signal loop runs, and it reads nothing
	})
	t.Setenv("CONFIG_TOKEN", "b") // ok: likewise
}
