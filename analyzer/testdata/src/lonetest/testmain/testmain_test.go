package testmain

// TestMain starts a goroutine that runs beside every test: the package's
// only parallel test does not run alone.

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	go func() {
		_ = os.Getenv("VAULT_TOKEN") // want `^os\.Getenv\("VAULT_TOKEN"\) reads a credential reachable from goroutine`
	}()
	os.Exit(m.Run())
}

func TestOnly(t *testing.T) {
	t.Parallel()
	os.Setenv("VAULT_TOKEN", "example") // want `^os\.Setenv\("VAULT_TOKEN"\) reachable from parallel test TestOnly`
}
