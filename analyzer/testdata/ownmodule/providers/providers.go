// Package providers is the application's own code in another package of
// its module: a key source whose reads are its default identity, behind a
// package boundary from the handlers that call it.
package providers

import "os"

// Key reads the application's provider key.
func Key() string { return os.Getenv("APP_API_KEY") }

// TokenFile reads where the platform mounts the application's token: a
// locator (its last word says it is a path).
func TokenFile() string { return os.Getenv("APP_FEDERATED_TOKEN_FILE") }

// Session reads a session token that a handler of the application writes.
func Session() string { return os.Getenv("APP_SESSION_TOKEN") }

// SessionFile reads where a session's token file is, which a handler of the
// application writes.
func SessionFile() string { return os.Getenv("APP_SESSION_TOKEN_FILE") }
