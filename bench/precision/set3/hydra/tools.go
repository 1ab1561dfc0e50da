//go:build tools

// Package hydra pins Ory Hydra, an OAuth2 and OpenID Connect server (many
// clients and users per process), for docs/precision.md (third set). Nothing
// here is built: the blank import only makes `go mod download` fetch the
// program and every module its packages need; ../../run.sh analyses it.
package hydra

import _ "github.com/ory/hydra/v2"
