package ctrl // want package:"touchesEnv" package:`converted\(\) carried\(store\.Provider\.NewClient=\(\*vault\.Provider\)\.NewClient:envWrite\(AWS_ACCESS_KEY_ID\)\)\}`

// Package ctrl calls the providers through the interface; it names no
// package that touches the environment, and imports the providers only
// through register.

import (
	"registry/store"

	_ "registry/register"
)

// Reconciler makes the client of its kind of store.
type Reconciler struct{ Kind string }

// Reconcile reaches (*vault.Provider).NewClient, registered in vault's
// init, and neither vault.Unregistered (never converted) nor plain's
// provider (no access).
func (r *Reconciler) Reconcile(key string) error { // want Reconcile:`^envWrite\(AWS_ACCESS_KEY_ID\)$`
	return store.Get(r.Kind).NewClient(key)
}
