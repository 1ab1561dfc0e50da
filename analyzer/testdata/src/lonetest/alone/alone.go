// Package alone has one parallel test, with serial subtests: go test runs
// it beside no other test, so its own writes race with nothing it does.
package alone

import "os"

// Client reads the token the test sets.
func Client() string { return os.Getenv("VAULT_TOKEN") }
