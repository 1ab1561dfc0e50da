// Package chi is a minimal stub of github.com/go-chi/chi/v5: it registers
// net/http handlers.
package chi

import "net/http"

// Mux is a chi router.
type Mux struct{}

// NewRouter returns a router.
func NewRouter() *Mux { return &Mux{} }

// Get registers a handler for GET pattern.
func (m *Mux) Get(pattern string, h http.HandlerFunc) {}

// HandleFunc registers a handler for pattern.
func (m *Mux) HandleFunc(pattern string, h http.HandlerFunc) {}

// Handle registers a handler for pattern.
func (m *Mux) Handle(pattern string, h http.Handler) {}

// ServeHTTP dispatches a request.
func (m *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

// URLParam returns a URL parameter.
func URLParam(r *http.Request, key string) string { return "" }
