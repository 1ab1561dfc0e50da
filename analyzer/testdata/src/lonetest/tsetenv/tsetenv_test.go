// Package tsetenv has one parallel test, which calls t.Setenv: the testing
// package panics on that in any parallel test, alone or not.
package tsetenv

import (
	"os"
	"testing"
)

func TestAlone(t *testing.T) {
	t.Parallel()
	t.Setenv("VAULT_TOKEN", "example") // want `^t\.Setenv\("VAULT_TOKEN"\) in parallel test TestAlone panics at run time`
	_ = os.Getenv("VAULT_TOKEN")       // not reported: nothing runs beside the package's only parallel test
}
