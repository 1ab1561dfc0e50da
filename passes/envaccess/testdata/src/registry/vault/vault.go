package vault // want package:"touchesEnv" package:`converted\(registry/vault\.Provider\.NewClient\) carried\(store\.Provider\.NewClient=\(\*vault\.Provider\)\.NewClient:envWrite\(AWS_ACCESS_KEY_ID\)\)\}`

// Package vault registers its Provider in init, and has a second
// implementation of store.Provider that nothing converts.

import (
	"os"

	"registry/store"
)

// Provider logs in by mirroring the store's key into the environment.
type Provider struct{}

func (*Provider) NewClient(key string) error { // want NewClient:`^envWrite\(AWS_ACCESS_KEY_ID\)$`
	return os.Setenv("AWS_ACCESS_KEY_ID", key)
}

// Unregistered implements store.Provider but is never converted to it.
type Unregistered struct{}

func (Unregistered) NewClient(key string) error { // want NewClient:`^envWrite\(AWS_SESSION_TOKEN\)$`
	return os.Setenv("AWS_SESSION_TOKEN", key)
}

func init() { store.Register("vault", &Provider{}) }
