// Package suppress is the suppression fixture of the golangci-lint
// integration test: one finding silenced by golangci-lint's //nolint, one
// by credlint's own directive.
package suppress

import (
	"fmt"
	"net/http"
	"os"
)

// Register installs the handlers.
func Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /a", handleA)
	mux.HandleFunc("GET /b", handleB)
}

func handleA(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, os.Getenv("GITHUB_TOKEN")) //nolint:credlint // not reported: golangci-lint drops it
}

func handleB(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, os.Getenv("GITLAB_TOKEN")) //credlint:ignore cred-read-in-request not reported: credlint drops it
}
