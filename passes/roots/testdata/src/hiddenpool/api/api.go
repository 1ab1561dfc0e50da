package api // want package:`concurrentCalls\(hiddenpool/rec\.Reconciler\.Reconcile\)\}`

// Package api uses internal/ctl only inside New's body. Under go vet its
// importers see no package fact of ctl (only their direct imports'), so
// api forwards ctl's ConcurrentCalls (hidden.go).

import (
	"hiddenpool/internal/ctl"
	"hiddenpool/rec"
)

// Starter starts the workers.
type Starter interface{ Start() }

// New returns the controller as a Starter.
func New(r rec.Reconciler, q chan string) Starter { return &ctl.Controller{Do: r, Queue: q} }
