// Package store stands in for zalando/go-keyring: the secret store in use is
// a package-level interface value, the platform's (here one that asks the
// session bus, whose address comes from the environment) unless a test
// installs the in-memory fake with MockInit.
package store

import "os"

// Provider is a secret store.
type Provider interface {
	Get(service, user string) (string, error)
}

type sessionBus struct{}

func (sessionBus) Get(service, user string) (string, error) {
	return os.Getenv("DBUS_SESSION_BUS_ADDRESS") + "/" + service + "/" + user, nil
}

type fake map[string]string

func (f fake) Get(service, user string) (string, error) { return f[service+"/"+user], nil }

var provider Provider = sessionBus{}

// MockInit replaces the store with an in-memory fake, for tests.
func MockInit() { provider = fake{} }

// Get reads a secret from the store in use.
func Get(service, user string) (string, error) { return provider.Get(service, user) }
