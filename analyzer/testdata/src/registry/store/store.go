// Package store is a registry of providers, as in external-secrets:
// provider packages register themselves in init, and the controllers
// look them up by name.
package store

// Provider makes a client for one store.
type Provider interface {
	NewClient(key string) error
}

var providers = map[string]Provider{}

// Register adds a provider under a name.
func Register(name string, p Provider) { providers[name] = p }

// Get returns the provider registered under name.
func Get(name string) Provider { return providers[name] }
