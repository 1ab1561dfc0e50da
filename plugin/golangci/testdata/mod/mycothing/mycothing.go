// Package mycothing is the settings fixture of the golangci-lint
// integration test: its handler's only environment read is MYCO_THING,
// which is not a credential key by default, so credlint reports it only
// when the cred-keys setting adds it.
package mycothing

import (
	"fmt"
	"net/http"
	"os"
)

// Register installs the handler.
func Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /thing", handleThing)
}

func handleThing(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, os.Getenv("MYCO_THING")) // reported only with cred-keys: [MYCO_THING]
}
