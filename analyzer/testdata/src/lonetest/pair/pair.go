// Package pair has two parallel tests: they run beside each other, and a
// parallel test's write races with the reads of both.
package pair

import "os"

// Client reads the token the tests set.
func Client() string { return os.Getenv("VAULT_TOKEN") }
