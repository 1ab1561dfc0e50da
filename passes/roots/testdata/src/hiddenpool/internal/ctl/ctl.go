package ctl // want package:`concurrentCalls\(hiddenpool/rec\.Reconciler\.Reconcile\)\}`

import "hiddenpool/rec"

// Controller runs a worker that calls Do.
type Controller struct {
	Do    rec.Reconciler
	Queue chan string
}

// Start starts the worker.
func (c *Controller) Start() { // want Start:"starts"
	go func() {
		for k := range c.Queue {
			_ = c.Do.Reconcile(k)
		}
	}()
}
