// Package slowtest gates the tests that are slow by nature (whole real
// modules analysed with third-party dependencies, both engines on large
// trees, repeated kill runs) behind one opt-in, so that the README's test
// command stays quick for a newcomer while CI, which sets the variable,
// still runs every test.
package slowtest

import (
	"os"
	"testing"
)

// Env is the variable that turns the slow tests on: CREDLINT_SLOW=1.
// .ci/run sets it.
const Env = "CREDLINT_SLOW"

// Enabled reports whether the slow tests run.
func Enabled() bool { return os.Getenv(Env) == "1" }

// Require skips t, saying why and how to run it, unless the slow tests
// are on; what says what makes it slow.
func Require(t testing.TB, what string) {
	t.Helper()
	if !Enabled() {
		t.Skipf("slow (%s): skipped; set %s=1 to run it (CI does)", what, Env)
	}
}
