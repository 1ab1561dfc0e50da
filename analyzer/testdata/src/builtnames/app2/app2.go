// Package main writes a name that ends with "_region" in one handler and
// reads, through the SDK, the name built at run time in another.
package main

import (
	"net/http"
	"os"

	"builtnames/sdk"
)

func pick(w http.ResponseWriter, r *http.Request) {
	os.Setenv("TENANT_region", r.Header.Get("X-Region")) // want `^os\.Setenv\("TENANT_region"\) reachable from HTTP handler pick`
}

func region(w http.ResponseWriter, r *http.Request) {
	_ = sdk.Provider{Prefix: "TENANT"}.Region() // want `^os\.Getenv\(<name ending "_region">\) reads a variable named at run time, reachable from HTTP handler region .*race`
}

func main() {
	http.HandleFunc("/pick", pick)
	http.HandleFunc("/region", region)
	http.ListenAndServe(":8080", nil)
}
