package alone

import (
	"os"
	"testing"
)

func TestOnlyParallel(t *testing.T) {
	t.Parallel()
	os.Setenv("VAULT_TOKEN", "example") // not reported: the package's only parallel test runs beside no other test
	for _, name := range []string{"a", "b"} {
		t.Run(name, func(t *testing.T) {
			_ = Client() // not reported: serial subtests, after the test's own write
		})
	}
	done := make(chan struct{})
	go func() {
		_ = os.Getenv("VAULT_TOKEN") // want `^os\.Getenv\("VAULT_TOKEN"\) reads a credential reachable from goroutine .*\(race: `
		close(done)
	}()
	os.Unsetenv("VAULT_TOKEN") // want `^os\.Unsetenv\("VAULT_TOKEN"\) reachable from TestOnlyParallel after its goroutines start \(race: may race with os\.Getenv\("VAULT_TOKEN"\) in the goroutine\)`
	<-done
}

func TestSerial(t *testing.T) {
	os.Setenv("VAULT_TOKEN", "serial") // not reported: serial test without parallel subtests
	defer os.Unsetenv("VAULT_TOKEN")   // not reported: same
	_ = Client()
}
