// Package app reads credential locators inside another package: reported
// only when a write of them is in view. A secret read behind a package
// boundary with no write in view is advice (cred-read-shared); read by the
// handler's own package it is a request read.
package app

import (
	"net/http"
	"os"

	"locators/store"
)

func serve(w http.ResponseWriter, r *http.Request) {
	_ = store.DataDir()       // ok: a library locating its data directory; nothing writes HOME or XDG_DATA_HOME
	_ = store.Token()         // not reported: another package's read, nothing writes it (advice: cred-read-shared)
	home := os.Getenv("HOME") // want `os\.Getenv\("HOME"\) reads a credential reachable from HTTP handler serve`
	_ = home
}

func main() {
	http.HandleFunc("/", serve)
	http.ListenAndServe(":8080", nil)
}
