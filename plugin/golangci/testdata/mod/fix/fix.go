// Package fix is the --fix fixture of the golangci-lint integration test:
// the shapes credlint's suggested fixes are meant for (DESIGN.md, "Fix
// target"), a credential read and an environment write in a handler that
// has the request's context at hand.
package fix

import (
	"fmt"
	"net/http"
	"os"
)

// Register installs the handlers.
func Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /key", handleKey)
	mux.HandleFunc("POST /profile", handleProfile)
}

func handleKey(w http.ResponseWriter, r *http.Request) {
	key := os.Getenv("OPENAI_API_KEY") // reported: a credential read in a handler
	fmt.Fprintln(w, len(key))
}

func handleProfile(w http.ResponseWriter, r *http.Request) {
	os.Setenv("OPENAI_API_KEY", r.FormValue("key")) // reported: a write in a handler
	w.WriteHeader(http.StatusNoContent)
}
