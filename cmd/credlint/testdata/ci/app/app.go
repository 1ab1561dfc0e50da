// Package app starts workers that reach the environment: through lib, in
// the standard library, and directly.
package app

import (
	"context"
	"os"
	"os/exec"

	"example.com/ci/lib"
)

// Start starts the workers.
func Start(ctx context.Context) {
	go worker()
	go func() {
		os.Setenv("REGION", "eu-west-1")
	}()
	go func() {
		_ = os.Getenv("DB_PASSWORD") + ctx.Err().Error()
	}()
	go childEnv()
}

func worker() {
	_ = lib.Token()
}

// childEnv copies the environment inside os/exec, which the write above
// may change under it.
func childEnv() {
	_ = exec.Command("true").Environ()
}
