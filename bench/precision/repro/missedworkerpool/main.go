// Package main reproduces the miss of docs/precision.md's recall spot-check
// (external-secrets' Vault IAM login): a worker pool started by a library
// (controller-runtime's shape) calls the program's reconciler through an
// interface stored in a field, and the reconciler mirrors a tenant's
// credential into the environment. credlint missed it until the
// reconciler's method became a root (the library's ConcurrentCalls fact
// lists the interface methods its goroutines call); both lines are
// reported now.
package main

import (
	"context"
	"os"

	"github.com/credlint/credlint/bench/precision/repro/missedworkerpool/worker"
)

type storeReconciler struct{}

// Reconcile logs in for one tenant's store: it writes the store's key into
// the environment, where the SDK's default chain reads it.
func (storeReconciler) Reconcile(ctx context.Context, key string) error {
	os.Setenv("AWS_ACCESS_KEY_ID", key) // reported: written per store on concurrent workers
	return login()
}

func login() error {
	_ = os.Getenv("AWS_ACCESS_KEY_ID") // reported: may see another store's key
	return nil
}

func main() {
	c := &worker.Controller{Do: storeReconciler{}, Queue: make(chan string)}
	c.Start(context.Background(), 2)
	select {}
}
