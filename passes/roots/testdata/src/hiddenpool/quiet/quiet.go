package quiet

// Package quiet imports rec alone, which has no ConcurrentCalls fact: no
// fact to forward.

import "hiddenpool/rec"

// Use takes a reconciler.
func Use(r rec.Reconciler) error { return r.Reconcile("k") }
