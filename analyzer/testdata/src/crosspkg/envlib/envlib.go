// Package envlib is a library with no concurrent roots of its own: it gets
// no diagnostics, only Summary facts that importers use.
package envlib

import (
	"net/http"
	"os"
)

// Mirror copies a value into the process environment.
func Mirror(key, value string) {
	os.Setenv(key, value) // not reported here: envlib starts no goroutine and serves no request
}

// Token reads a fixed credential.
func Token() string {
	return os.Getenv("SERVICE_API_TOKEN") // not reported here: reported where a root calls Token
}

// Lookup reads the variable its caller names.
func Lookup(name string) string {
	return os.Getenv(name) // not reported here: the key is resolved at each call site
}

// Port reads a non-credential.
func Port() string {
	return os.Getenv("PORT")
}

// Loader clears a credential when asked to reload.
type Loader struct{}

// Load unsets the token; callers reach it through an interface.
func (Loader) Load() {
	os.Unsetenv("SERVICE_API_TOKEN")
}

// Worker is a goroutine body for importers to start.
func Worker() {
	os.Setenv("WORKER_API_TOKEN", "x")
}

// TokenHandler is an HTTP handler that importers register; envlib itself
// registers nothing, so it has no root here.
func TokenHandler(w http.ResponseWriter, r *http.Request) {
	_ = os.Getenv("STRIPE_SECRET_KEY") // not reported here: reported where server registers TokenHandler
}
