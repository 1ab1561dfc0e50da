package app // want package:"touchesEnv"

import (
	"dispatch/api"
	"dispatch/impl"
	"dispatch/wiring"
)

// Call reaches EnvSource.Token, converted in wiring, and not
// VaultSource.Token, which is never converted where Call's value can come
// from.
func Call(s api.Source) string { return s.Token() } // want Call:`^envRead\(ENV_TOKEN\)$`

func run() string { return Call(wiring.Default()) } // want run:`^envRead\(ENV_TOKEN\)$`

// The origin is visible: only Static's Token is called.
func originStatic() string { // no fact: s holds an impl.Static
	var s api.Source = impl.Static("t")
	return s.Token()
}

// The origin is visible: only VaultSource's Token, though EnvSource is
// converted too.
func originVault() string { // want originVault:`^envRead\(VAULT_TOKEN\)$`
	s := api.Source(impl.VaultSource{})
	return s.Token()
}

// Two definitions, both visible.
func originEither(vault bool) string { // want originEither:`^envRead\(ENV_TOKEN\) envRead\(VAULT_TOKEN\)$`
	var s api.Source = impl.Embedder{}
	if vault {
		s = &impl.VaultSource{}
	}
	return s.Token()
}
