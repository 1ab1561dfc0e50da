// Package store is the registry of providers.
package store

// Provider makes a client for one store.
type Provider interface {
	NewClient(key string) error
}

var providers = map[string]Provider{}

// Register adds a provider under a name (called from the providers' init).
func Register(name string, p Provider) { providers[name] = p }

// Get returns the provider registered under name.
func Get(name string) Provider { return providers[name] }
