// Package swapper writes XDG_DATA_HOME per request: now the library's
// locator read races with it and is reported.
package swapper

import (
	"net/http"
	"os"

	"locators/store"
)

func serve(w http.ResponseWriter, r *http.Request) {
	os.Setenv("XDG_DATA_HOME", r.URL.Query().Get("dir")) // want `os\.Setenv\("XDG_DATA_HOME"\) reachable from HTTP handler serve`
	_ = store.DataDir()                                  // want `os\.Getenv\("XDG_DATA_HOME"\) reads a credential reachable from HTTP handler serve \(race: may see another request's value: races with os\.Setenv\("XDG_DATA_HOME"\) in serve\)`
}

func register() { http.HandleFunc("/", serve) }
