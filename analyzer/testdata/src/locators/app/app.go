// Package app reads credential locators inside another package: reported
// only when a write of them is in view. Secrets are reported either way.
package app

import (
	"net/http"
	"os"

	"locators/store"
)

func serve(w http.ResponseWriter, r *http.Request) {
	_ = store.DataDir()       // ok: a library locating its data directory; nothing writes HOME or XDG_DATA_HOME
	_ = store.Token()         // want `reads a credential reachable from HTTP handler serve`
	home := os.Getenv("HOME") // want `os\.Getenv\("HOME"\) reads a credential reachable from HTTP handler serve`
	_ = home
}

func main() {
	http.HandleFunc("/", serve)
	http.ListenAndServe(":8080", nil)
}
