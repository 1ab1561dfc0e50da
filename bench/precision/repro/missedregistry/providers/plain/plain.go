// Package plain registers a provider that touches no environment.
package plain

import "github.com/credlint/credlint/bench/precision/repro/missedregistry/store"

type provider struct{ keys map[string]string }

func (p *provider) NewClient(key string) error { p.keys["k"] = key; return nil }

func init() { store.Register("plain", &provider{keys: map[string]string{}}) }
