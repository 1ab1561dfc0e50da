//go:build tools

// Package traefik pins Traefik, a reverse proxy and API gateway that serves
// many routers and backends per process and obtains certificates through
// ACME with DNS-provider SDKs, for docs/precision.md (fourth set). Nothing
// here is built: the blank import only makes `go mod download` fetch the
// program and every module its packages need; ../../run.sh analyses it.
package traefik

import _ "github.com/traefik/traefik/v3/cmd/traefik"
