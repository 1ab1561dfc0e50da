// Package app hands its reconcilers to package worker, whose goroutines
// call them through an interface: each reconciler's Reconcile is a root.
package app

import (
	"context"
	"os"

	"ifaceworkers/worker"
)

// storeReconciler logs in for one tenant's store by mirroring its key
// into the environment (external-secrets' Vault IAM login).
type storeReconciler struct{}

func (storeReconciler) Reconcile(ctx context.Context, req worker.Request) error {
	os.Setenv("AWS_ACCESS_KEY_ID", req.Key) // want `^os\.Setenv\("AWS_ACCESS_KEY_ID"\) reachable from goroutine \(storeReconciler\)\.Reconcile`
	return nil
}

// builtReconciler is handed over through a constructor's argument.
type builtReconciler struct{}

func (*builtReconciler) Reconcile(ctx context.Context, req worker.Request) error {
	os.Unsetenv("AWS_SESSION_TOKEN") // want `^os\.Unsetenv\("AWS_SESSION_TOKEN"\) reachable from goroutine \(\*builtReconciler\)\.Reconcile`
	return nil
}

// unusedReconciler implements the interface but is never converted to
// it: no worker can call it.
type unusedReconciler struct{}

func (unusedReconciler) Reconcile(ctx context.Context, req worker.Request) error {
	os.Setenv("AWS_REGION", req.Key) // not reported: never handed to the workers
	return nil
}

// namer is handed over as a Namer, which Start calls on its caller's
// goroutine, before any worker starts.
type namer struct{}

func (namer) Name() string {
	os.Setenv("APP_NAME", "store") // not reported: Name is not called on the workers' goroutines
	return "store"
}

// Setup wires the controllers.
func Setup(ctx context.Context) {
	c := &worker.Controller[worker.Request]{Do: storeReconciler{}, Queue: make(chan worker.Request), Names: namer{}}
	c.Start(ctx, 2)
	worker.Complete(&builtReconciler{})
	_ = unusedReconciler{}.Reconcile(ctx, worker.Request{})
}

// guardedReconciler is only asserted to implement the interface: the
// guard hands its value to no one.
type guardedReconciler struct{}

func (*guardedReconciler) Reconcile(ctx context.Context, req worker.Request) error {
	os.Setenv("AWS_PROFILE", req.Key) // not reported: only an interface guard converts it
	return nil
}

var _ worker.Reconciler = (*guardedReconciler)(nil)
