// Package servemux registers handlers with Go 1.22 method patterns.
package servemux

import (
	"net/http"
	"os"
)

func getItem(w http.ResponseWriter, r *http.Request) {
	os.Setenv("ITEM_TOKEN", r.PathValue("id")) // want `^os\.Setenv\("ITEM_TOKEN"\) reachable from HTTP handler getItem`
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", getItem)
	mux.HandleFunc("POST /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		_ = os.Getenv("ITEM_API_KEY") // want `reachable from HTTP handler in main`
	})
	os.Setenv("ITEM_DEFAULT_TOKEN", "x") // not reported: main before the server starts
	http.ListenAndServe(":8080", mux)
}
