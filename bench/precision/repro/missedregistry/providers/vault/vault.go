// Package vault registers its provider in init.
package vault

import (
	"os"

	"github.com/credlint/credlint/bench/precision/repro/missedregistry/store"
)

type provider struct{}

// NewClient logs in by mirroring the store's key into the environment,
// where the SDK's default chain reads it.
func (provider) NewClient(key string) error {
	return os.Setenv("AWS_ACCESS_KEY_ID", key) // reported here by the whole-program formats (go vet: at ctrl's call)
}

// Legacy implements store.Provider but is never registered.
type Legacy struct{}

func (Legacy) NewClient(key string) error {
	return os.Setenv("AWS_SESSION_TOKEN", key) // ok: never converted to the interface, no call reaches it
}

func init() { store.Register("vault", provider{}) }
