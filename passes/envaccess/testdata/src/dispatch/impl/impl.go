package impl // want package:"touchesEnv"

import "os"

// EnvSource is converted to api.Source by wiring.
type EnvSource struct{}

func (EnvSource) Token() string { return os.Getenv("ENV_TOKEN") } // want Token:`envRead\(ENV_TOKEN\)`

// VaultSource implements api.Source, but only app's originOnly converts
// it, and only for its own call.
type VaultSource struct{}

func (VaultSource) Token() string { return os.Getenv("VAULT_TOKEN") } // want Token:`envRead\(VAULT_TOKEN\)`

// Static reads nothing.
type Static string

func (s Static) Token() string { return string(s) }

// Embedder promotes EnvSource's Token.
type Embedder struct{ EnvSource }
