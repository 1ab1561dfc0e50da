//go:build tools

// Package miniflux pins miniflux, a multi-user feed reader server, for docs/precision.md (second set). Nothing here
// is built: the blank import only makes `go mod download` fetch the program
// and every module its packages need; ../../run.sh analyses it.
package miniflux

import _ "miniflux.app/v2"
