package app

import (
	"os"
	"testing"

	"witness/lib"
)

func TestParallelLookup(t *testing.T) {
	t.Parallel()
	os.Setenv("API_TOKEN", "t") // want `^os\.Setenv\("API_TOKEN"\) reachable from parallel test TestParallelLookup`
	t.Run("sub", func(t *testing.T) {
		t.Parallel()
		_ = lib.Token() // want `^os\.Getenv\("API_TOKEN"\) reads a credential reachable from parallel subtest of TestParallelLookup`
	})
}

func TestSerialParent(t *testing.T) {
	os.Setenv("API_TOKEN", "t") // want `^os\.Setenv\("API_TOKEN"\) in serial test TestSerialParent runs before its parallel subtests, which start after it returns \(race: use t\.Setenv\)$`
	t.Run("sub", func(t *testing.T) {
		t.Parallel()
	})
}
