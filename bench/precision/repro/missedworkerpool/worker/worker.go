// Package worker is a controller-runtime-shaped work queue: Start runs
// workers that call the Reconciler stored in a field.
package worker

import "context"

type Reconciler interface {
	Reconcile(ctx context.Context, key string) error
}

type Controller struct {
	Do    Reconciler
	Queue chan string
}

func (c *Controller) Start(ctx context.Context, workers int) {
	for i := 0; i < workers; i++ {
		go func() {
			for k := range c.Queue {
				_ = c.Do.Reconcile(ctx, k)
			}
		}()
	}
}
