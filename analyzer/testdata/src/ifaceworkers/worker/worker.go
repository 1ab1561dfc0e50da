// Package worker is a controller-runtime-shaped library: its workers call
// the reconciler stored in a field of the controller, through an
// interface, on goroutines of their own. Its ConcurrentCalls fact lists
// the interface methods those goroutines call.
package worker

import "context"

// Request names one object to reconcile.
type Request struct{ Key string }

// TypedReconciler is what the workers call; Reconciler is its usual
// instance, as in controller-runtime.
type TypedReconciler[R any] interface {
	Reconcile(ctx context.Context, req R) error
}

// Reconciler is the instance for Request.
type Reconciler = TypedReconciler[Request]

// Namer is called on the caller's goroutine only.
type Namer interface{ Name() string }

// Controller runs workers over a queue.
type Controller[R any] struct {
	Do    TypedReconciler[R]
	Queue chan R
	Names Namer
}

// Start starts the workers and returns.
func (c *Controller[R]) Start(ctx context.Context, workers int) {
	_ = c.Names.Name()
	for range workers {
		go func() {
			for c.next(ctx) {
			}
		}()
	}
}

func (c *Controller[R]) next(ctx context.Context) bool {
	req, ok := <-c.Queue
	if ok {
		_ = c.reconcile(ctx, req)
	}
	return ok
}

func (c *Controller[R]) reconcile(ctx context.Context, req R) error {
	return c.Do.Reconcile(ctx, req)
}

// Complete builds a controller for r, as a builder's Complete does.
func Complete(r Reconciler) *Controller[Request] {
	return &Controller[Request]{Do: r, Queue: make(chan Request)}
}
