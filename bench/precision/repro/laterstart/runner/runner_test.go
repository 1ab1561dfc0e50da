package runner_test

import (
	"testing"

	"github.com/credlint/credlint/bench/precision/repro/laterstart/runner"
	"github.com/credlint/credlint/bench/precision/repro/laterstart/signals"
)

// go-task's shape (an external test package): serial subtests set variables after the code under
// test left a signal loop running (it reads no variable), and after Run,
// which never returns while its watcher runs.
func TestRun(t *testing.T) {
	signals.Trap()
	for _, name := range []string{"a", "b"} {
		t.Run(name, func(t *testing.T) {
			t.Setenv("CONFIG_TOKEN", name) // ok: only the signal loop runs, and it reads nothing
			if err := runner.Run(false); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Setenv("CONFIG_TOKEN", "c") // ok: likewise
}
