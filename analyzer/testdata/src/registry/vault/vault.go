// Package vault registers its Provider in init; Unregistered implements
// the interface too but is never converted to it.
package vault

import (
	"os"

	"registry/store"
)

// Provider logs in by mirroring the store's key into the environment.
type Provider struct{}

func (*Provider) NewClient(key string) error {
	return os.Setenv("AWS_ACCESS_KEY_ID", key) // not reported here: no root in this package (reported at ctrl's call)
}

// Unregistered is never converted to store.Provider.
type Unregistered struct{}

func (Unregistered) NewClient(key string) error {
	return os.Setenv("AWS_SESSION_TOKEN", key) // not reported: never converted to the interface, so no call reaches it
}

func init() { store.Register("vault", &Provider{}) }
