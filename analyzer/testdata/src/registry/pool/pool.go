// Package pool is a controller-runtime-shaped work queue: Start runs
// workers that call the Reconciler stored in a field.
package pool

// Reconciler is what the workers call.
type Reconciler interface {
	Reconcile(key string) error
}

// Controller feeds its workers from Queue.
type Controller struct {
	Do    Reconciler
	Queue chan string
}

// Start runs n workers.
func (c *Controller) Start(n int) {
	for range n {
		go func() {
			for k := range c.Queue {
				_ = c.Do.Reconcile(k)
			}
		}()
	}
}
