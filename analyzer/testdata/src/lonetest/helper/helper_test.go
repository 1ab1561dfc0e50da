package helper

// TestA calls t.Parallel through a helper: TestB is not the package's only
// parallel test, and its writes race with TestA's read.

import (
	"os"
	"testing"
)

func parallel(t *testing.T) {
	t.Helper()
	t.Parallel()
}

func setup(t *testing.T) { parallel(t) }

func TestA(t *testing.T) {
	setup(t)
	_ = os.Getenv("VAULT_TOKEN") // want `^os\.Getenv\("VAULT_TOKEN"\) reads a credential reachable from parallel test TestA`
}

func TestB(t *testing.T) {
	t.Parallel()
	os.Setenv("VAULT_TOKEN", "example") // want `^os\.Setenv\("VAULT_TOKEN"\) reachable from parallel test TestB`
}
