// Package workers runs the goroutines that call the reconciler.
package workers

// Reconciler is what the workers call (the pool package re-exports it).
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
