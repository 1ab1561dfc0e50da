package exposed // want package:`concurrentCalls\(hiddenpool/rec\.Reconciler\.Reconcile\)\}`

// Package exposed returns ctl's Controller itself: its importers still
// see only the package facts of their direct imports, so it forwards
// ctl's too.

import (
	"hiddenpool/internal/ctl"
	"hiddenpool/rec"
)

// New returns the controller.
func New(r rec.Reconciler) *ctl.Controller { return &ctl.Controller{Do: r} }
