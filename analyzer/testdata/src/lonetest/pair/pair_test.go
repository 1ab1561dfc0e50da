package pair

import (
	"os"
	"testing"
)

func TestWrites(t *testing.T) {
	t.Parallel()
	os.Setenv("VAULT_TOKEN", "example") // want `^os\.Setenv\("VAULT_TOKEN"\) reachable from parallel test TestWrites`
	_ = Client()                        // want `^os\.Getenv\("VAULT_TOKEN"\) reads a credential reachable from parallel test TestWrites .*\(race: `
}

func TestReads(t *testing.T) {
	t.Parallel()
	_ = Client() // want `^os\.Getenv\("VAULT_TOKEN"\) reads a credential reachable from parallel test TestReads .*\(race: `
}
