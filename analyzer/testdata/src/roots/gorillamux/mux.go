// Package gorillamux registers net/http handlers through gorilla/mux,
// including a struct with a ServeHTTP method.
package gorillamux

import (
	"net/http"
	"os"

	"github.com/gorilla/mux"
)

type profiles struct{}

func (p *profiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	os.Setenv("MUX_PROFILE", mux.Vars(r)["name"]) // want `^os\.Setenv\("MUX_PROFILE"\) reachable from HTTP handler \(\*profiles\)\.ServeHTTP`
}

type users struct{}

func (u *users) get(w http.ResponseWriter, r *http.Request) {
	_ = os.Getenv("MUX_API_KEY") // want `reachable from HTTP handler \(\*users\)\.get`
}

func main() {
	u := &users{}
	r := mux.NewRouter()
	r.HandleFunc("/users/{id}", u.get).Methods("GET")
	r.Handle("/profiles/{name}", &profiles{})
	http.ListenAndServe(":8080", r)
}
