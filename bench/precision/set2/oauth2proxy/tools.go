//go:build tools

// Package oauth2proxy pins oauth2-proxy, an authenticating reverse proxy, for docs/precision.md (second set). Nothing here
// is built: the blank import only makes `go mod download` fetch the program
// and every module its packages need; ../../run.sh analyses it.
package oauth2proxy

import _ "github.com/oauth2-proxy/oauth2-proxy/v7"
