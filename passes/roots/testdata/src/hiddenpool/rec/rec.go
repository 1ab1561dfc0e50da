// Package rec declares the interface the workers call.
package rec

// Reconciler is what the workers call.
type Reconciler interface{ Reconcile(key string) error }
