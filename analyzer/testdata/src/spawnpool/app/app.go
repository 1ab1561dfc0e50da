// Package app hands work to the pool package's learned spawners.
package app

import (
	"os"

	"spawnpool/pool"
)

func handle(token string) {
	pool.Submit(func() {
		os.Setenv("WORKER_TOKEN", token) // want `^os\.Setenv\("WORKER_TOKEN"\) reachable from goroutine in handle \(race: may race with os\.Getenv\("WORKER_TOKEN"\) in the goroutine\)$`
	})
	p := &pool.Pool{}
	p.Go(func() {
		os.Unsetenv("WORKER_TOKEN") // want `^os\.Unsetenv\("WORKER_TOKEN"\) reachable from goroutine in handle`
	})
	pool.Run(func() {
		_ = os.Getenv("WORKER_TOKEN") // want `^os\.Getenv\("WORKER_TOKEN"\) reads a credential reachable from goroutine in handle \(race: may see another request's value: races with os\.Setenv\("WORKER_TOKEN"\) in the goroutine\)$`
	})
	pool.Submit(refresh)
	pool.Call(func() {
		os.Setenv("CALLED_TOKEN", token) // pool.Call runs f synchronously, but on handle's goroutine after pool.Submit started the workers above // want `^os\.Setenv\("CALLED_TOKEN"\) reachable from handle after its goroutines start`
	})
}

// refresh only ever runs as a pool job, so the finding is at its own
// os.Setenv.
func refresh() {
	os.Setenv("REFRESH_TOKEN", "x") // want `^os\.Setenv\("REFRESH_TOKEN"\) reachable from goroutine refresh`
}

var _ = handle
