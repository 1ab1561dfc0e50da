// Package deferred has deferred writes: they run when the function
// returns, beside the goroutines it started and did not join (issue 13,
// M1), and after the joins it made.
package deferred

import "os/exec"

// Reload runs a helper in the background; only the program's own writes
// race with the child it starts, not a test's (the tests below never call
// Reload).
func Reload() {
	go func() {
		_ = exec.Command("true").Run() // not reported: the writes in view are the tests', which start no Reload
	}()
}
