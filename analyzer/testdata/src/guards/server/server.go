// Package server is a service whose handlers build API clients: a token
// passed explicitly discharges the library's fallback read.
package server

import (
	"net/http"

	"guards/apilib"
)

func withToken(w http.ResponseWriter, r *http.Request) {
	_ = apilib.New(apilib.Options{Token: "constant"}) // not reported: the token is given, the fallback read never runs
	_ = apilib.NewFrom("constant")                    // not reported: the token is given two calls away
	opts := apilib.Options{Token: "constant", BaseURL: "https://api"}
	_ = apilib.New(opts) // not reported: the local holds a literal that sets the token
}

func withoutToken(w http.ResponseWriter, r *http.Request) {
	_ = apilib.New(apilib.Options{BaseURL: "https://api"}) // want `os\.Getenv\("X_TOKEN"\) .*\(fallback: only when opts\.Token == ""\)`
}

func fromRequest(w http.ResponseWriter, r *http.Request) {
	_ = apilib.NewFrom(r.Header.Get("X-Token")) // want `os\.Getenv\("X_TOKEN"\) .*\(fallback: only when opts\.Token == ""\)`
}

// Register wires the handlers.
func Register(mux *http.ServeMux) {
	mux.HandleFunc("/a", withToken)
	mux.HandleFunc("/b", withoutToken)
	mux.HandleFunc("/c", fromRequest)
}
