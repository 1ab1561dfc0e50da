// Package server has the roots; the environment accesses are in envlib.
// Each finding is reported here, at the call that leaves this package.
package server

import (
	"net/http"

	"crosspkg/envlib"
)

type loader interface{ Load() }

type server struct{ l loader }

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	envlib.Mirror("SERVICE_API_TOKEN", r.Header.Get("X-Token")) // want `^os\.Setenv\("SERVICE_API_TOKEN"\) reachable from HTTP handler \(\*server\)\.ServeHTTP \(race: may race with os\.Getenv\("SERVICE_API_TOKEN"\) in envlib\.Token\): ServeHTTP calls envlib\.Mirror, which calls os\.Setenv$`
	_ = envlib.Token()                                          // want `^os\.Getenv\("SERVICE_API_TOKEN"\) reads a credential reachable from HTTP handler \(\*server\)\.ServeHTTP \(race: may see another request's value: races with os\.Setenv\("SERVICE_API_TOKEN"\) in envlib\.Mirror\): ServeHTTP calls envlib\.Token, which calls os\.Getenv$`
	_ = envlib.Lookup("DB_PASSWORD")                            // want `^os\.Getenv\("DB_PASSWORD"\) reads a credential reachable from HTTP handler \(\*server\)\.ServeHTTP .*: ServeHTTP calls envlib\.Lookup, which calls os\.Getenv$`
	_ = envlib.Lookup("LOG_LEVEL")                              // not reported: the key resolved at this call site is not a credential
	_ = envlib.Port()                                           // not reported: non-credential
	s.l.Load()                                                  // want `^os\.Unsetenv\("SERVICE_API_TOKEN"\) reachable from HTTP handler \(\*server\)\.ServeHTTP .*: ServeHTTP calls \(envlib\.Loader\)\.Load, which calls os\.Unsetenv$`
}

// Register wires the server, registers envlib's handler and starts its
// worker. Both bodies are in envlib, so the findings are reported here,
// where this package starts them.
func Register(mux *http.ServeMux) {
	mux.Handle("/", &server{l: envlib.Loader{}})
	mux.HandleFunc("/token", envlib.TokenHandler) // want `^os\.Getenv\("STRIPE_SECRET_KEY"\) reads a credential reachable from HTTP handler envlib\.TokenHandler \(request read: nothing in view writes it, but each caller may need its own value\)$`
	go envlib.Worker()                            // want `^os\.Setenv\("WORKER_API_TOKEN"\) reachable from goroutine envlib\.Worker \(race: may race with concurrent reads and writes of the environment\)$`
}
