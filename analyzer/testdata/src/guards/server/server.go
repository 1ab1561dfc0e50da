// Package server is a service whose handlers build API clients: a token
// passed explicitly discharges the library's fallback read, even with a
// write of the variable in view (rotate); without one, the fallback read
// races with that write.
package server

import (
	"net/http"
	"os"

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

// rotate writes the variable the library falls back to.
func rotate(w http.ResponseWriter, r *http.Request) {
	os.Setenv("X_TOKEN", r.Header.Get("X-Token")) // want `^os\.Setenv\("X_TOKEN"\) reachable from HTTP handler rotate`
}

// Register wires the handlers.
func Register(mux *http.ServeMux) {
	mux.HandleFunc("/a", withToken)
	mux.HandleFunc("/b", withoutToken)
	mux.HandleFunc("/c", fromRequest)
	mux.HandleFunc("/rotate", rotate)
}
