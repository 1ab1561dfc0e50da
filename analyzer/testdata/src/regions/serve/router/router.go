// Package router wraps ListenAndServe in a Run method, starting a helper
// goroutine first, as routers do: Run blocks, so it starts no region in
// its caller.
package router

import (
	"net/http"
	"os"
)

// Router serves HTTP.
type Router struct{ mux http.ServeMux }

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	_ = os.Getenv("APP_MODE") // not reported: not a credential, and a read
}

func (r *Router) reload() {}

// Run reloads in the background and serves until the server stops.
func (r *Router) Run(addr string) error {
	go r.reload()
	return http.ListenAndServe(addr, r)
}
