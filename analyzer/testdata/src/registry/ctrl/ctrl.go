// Package ctrl hands its reconciler to the pool's workers, which call it
// through an interface; the reconciler calls the providers registered by
// the packages register imports (external-secrets' shape). It names no
// package that touches the environment.
package ctrl

import (
	"registry/pool"
	"registry/store"

	_ "registry/register"
)

// Reconciler makes the client of its kind of store on a worker.
type Reconciler struct{ Kind string }

func (r *Reconciler) Reconcile(key string) error {
	return store.Get(r.Kind).NewClient(key) // want `os\.Setenv\("AWS_ACCESS_KEY_ID"\) reachable from goroutine \(\*Reconciler\)\.Reconcile`
}

// Setup starts the workers.
func Setup(q chan string) {
	c := &pool.Controller{Do: &Reconciler{Kind: "vault"}, Queue: q}
	c.Start(2)
}
