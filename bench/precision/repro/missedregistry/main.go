// Package main reproduces the miss of docs/precision.md's recall spot-check
// (external-secrets' Vault IAM login) in its real shape: a library's
// workers call the program's reconciler through an interface (the
// library's goroutines live in a package its API uses only inside a
// function body, as controller-runtime's internal/controller), and the
// reconciler calls, through another interface, a provider registered in
// the init of a package that the reconciler's package imports only
// through a blank import of a register package. Under go vet, the
// reconciler's unit decodes no fact of either hidden package, so the
// worker root and the provider's write were both missed; the forwarded
// ConcurrentCalls and carried dispatches of the Conversions facts find
// them (docs/rules.md, interface dispatch).
package main

import "github.com/credlint/credlint/bench/precision/repro/missedregistry/ctrl"

func main() {
	ctrl.Setup(make(chan string))
	select {}
}
