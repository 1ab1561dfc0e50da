// Package pool is the library's API: it hands back its internal controller
// as an interface, so its export data never names package workers.
package pool

import "github.com/credlint/credlint/bench/precision/repro/missedregistry/pool/internal/workers"

// Reconciler is what the workers call.
type Reconciler = workers.Reconciler

// Starter starts the workers.
type Starter interface{ Start(n int) }

// New returns a controller whose workers call r.
func New(r Reconciler, queue chan string) Starter {
	return &workers.Controller{Do: r, Queue: queue}
}
