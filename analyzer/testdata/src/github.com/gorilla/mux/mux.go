// Package mux is a minimal stub of github.com/gorilla/mux: it registers
// net/http handlers.
package mux

import "net/http"

// Router is a gorilla/mux router.
type Router struct{}

// NewRouter returns a router.
func NewRouter() *Router { return &Router{} }

// HandleFunc registers a handler function for path.
func (r *Router) HandleFunc(path string, f func(http.ResponseWriter, *http.Request)) *Route {
	return &Route{}
}

// Handle registers a handler for path.
func (r *Router) Handle(path string, h http.Handler) *Route { return &Route{} }

// ServeHTTP dispatches a request.
func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

// Route is a registered route.
type Route struct{}

// Methods restricts the route to methods.
func (r *Route) Methods(methods ...string) *Route { return r }

// Vars returns the route variables of a request.
func Vars(r *http.Request) map[string]string { return nil }
