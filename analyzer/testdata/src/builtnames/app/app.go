// Package main writes credentials in a handler and reads, through the
// SDK, a name built at run time that ends with "_region": no write in
// view can be that name (builtnames/app2 has one that can).
package main

import (
	"net/http"
	"os"

	"builtnames/sdk"
)

func login(w http.ResponseWriter, r *http.Request) {
	os.Setenv("AWS_ACCESS_KEY_ID", r.Header.Get("X-Key")) // want `^os\.Setenv\("AWS_ACCESS_KEY_ID"\) reachable from HTTP handler login`
	_ = sdk.Provider{Prefix: r.Header.Get("X-Prefix")}.Region() // not reported: the built name ends with "_region", no write in view can be it
}

func main() {
	http.HandleFunc("/login", login)
	http.ListenAndServe(":8080", nil)
}
