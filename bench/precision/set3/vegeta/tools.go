//go:build tools

// Package vegeta pins Vegeta, an HTTP load tester whose attacker fans one
// user's requests out to many goroutines, for docs/precision.md (third set).
// Nothing here is built: the blank import only makes `go mod download` fetch
// the program and every module its packages need; ../../run.sh analyses it.
package vegeta

import _ "github.com/tsenart/vegeta/v12"
