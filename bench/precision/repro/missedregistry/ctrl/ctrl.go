// Package ctrl hands its reconciler to the pool's workers; the
// reconciler calls the providers that register's imports register.
package ctrl

import (
	"github.com/credlint/credlint/bench/precision/repro/missedregistry/pool"
	"github.com/credlint/credlint/bench/precision/repro/missedregistry/store"

	_ "github.com/credlint/credlint/bench/precision/repro/missedregistry/register"
)

// reconciler makes the client of its kind of store, per work item.
type reconciler struct{ kind string }

func (r *reconciler) Reconcile(key string) error {
	return store.Get(r.kind).NewClient(key) // want: setenv-concurrent (the vault provider's write, on concurrent workers)
}

// Setup starts the workers.
func Setup(queue chan string) {
	pool.New(&reconciler{kind: "vault"}, queue).Start(2)
}
