// Package middleware stands in for Traefik's middlewares: each wraps the
// next http.Handler, and the configuration they are built from imports the
// plugin builder (Traefik's pkg/config/dynamic imports pkg/plugins).
package middleware

import (
	"net/http"

	"github.com/credlint/credlint/bench/precision/repro/reflecttable/plugin"
)

// Tracing wraps next.
type Tracing struct{ Next http.Handler }

// New wraps next, through the plugins if any.
func New(next http.Handler) *Tracing { return &Tracing{Next: plugin.Wrap(next)} }

func (t *Tracing) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	t.Next.ServeHTTP(w, r) // reported in Traefik (K19), not here (see the package doc of main): Next is never a *cgi.Handler
}
