// Package main reproduces false-finding kind K19 of docs/precision.md
// (fourth set), in the shape of Traefik's middleware chain and yaegi's
// standard-library symbol table (github.com/traefik/yaegi/stdlib, linked
// for Traefik's interpreted plugins and imported, through pkg/plugins, by
// every middleware package): every middleware calls next.ServeHTTP on an
// http.Handler field, and the only place the program names net/http/cgi's
// Handler is the table of reflect values, a nil *cgi.Handler converted to
// any. A type converted to any may be asserted to any interface, so the
// interface call reaches (*cgi.Handler).ServeHTTP, whose os.Getenv over
// h.InheritEnv is a read of a name chosen at run time, from an HTTP
// handler; no cgi.Handler is ever built.
//
// Not yet a reproduction: with these stand-ins credlint at 5c70666 (and
// main at 5d8c422) reports nothing here, while in Traefik the same call
// (pkg/middlewares/observability/entrypoint.go:52, pkg/proxy/httputil/
// connect.go:25, ...) reaches (*cgi.Handler).ServeHTTP; what else in
// Traefik's chain the dispatch depends on is not isolated yet.
package main

import (
	"net/http"
	"os"

	"github.com/credlint/credlint/bench/precision/repro/reflecttable/middleware"
)

func main() {
	go http.ListenAndServe(":8081", http.NotFoundHandler()) // Traefik starts its version checker and collector first
	os.Setenv("USER", "traefik")                            // Traefik's EnsureUserEnvVar, before the entry points start
	http.ListenAndServe(":8080", middleware.New(http.NotFoundHandler()))
}
