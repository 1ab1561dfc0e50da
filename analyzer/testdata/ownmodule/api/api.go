// Package api holds a handler of the application that main registers: a
// read in the handler's own package is the code serving the request.
package api

import (
	"net/http"
	"os"

	"example.com/app/providers"
)

// Handle reads a credential itself and through the providers package.
func Handle(w http.ResponseWriter, r *http.Request) {
	_ = os.Getenv("API_SIGNING_KEY") // reported in main, where the handler is registered
	_ = providers.Key()              // not reported: behind a package boundary, nothing writes APP_API_KEY (advice: cred-read-shared)
}
