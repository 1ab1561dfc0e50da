// Command scripthost serves HTTP requests by running tenant scripts whose
// putenv() and getenv() builtins use the real process environment.
//
// Ported from /work/shared/cases/12-request-scoped-putenv-in-http-server.
package main

import (
	"log"
	"net/http"
	"os"
	"strings"
)

// putenvBuiltin and getenvBuiltin are called by scripts while a request runs.
func putenvBuiltin(assignment string) {
	k, v, _ := strings.Cut(assignment, "=")
	os.Setenv(k, v) // setenv-concurrent: reached from ServeHTTP; name chosen by script code // want `^os\.Setenv\(<dynamic name>\) reachable from HTTP handler \(\*host\)\.ServeHTTP \(race: may race with concurrent reads and writes of the environment\): ServeHTTP calls putenvBuiltin, which calls os\.Setenv$`
}

func getenvBuiltin(name string) string {
	return os.Getenv(name) // env-read-in-handler: DATABASE_PASSWORD at the call site below // want `^os\.Getenv\("DATABASE_PASSWORD"\) reads a credential reachable from HTTP handler \(\*host\)\.ServeHTTP \(race: may see another request's value: races with os\.Unsetenv\("DATABASE_PASSWORD"\) in ServeHTTP\): ServeHTTP calls getenvBuiltin, which calls os\.Getenv$`
}

type host struct {
	tenantDB map[string]string // tenant -> database password
	baseEnv  map[string]string // snapshot taken at startup
}

// ServeHTTP is the buggy shape: request-scoped putenv on the process env.
func (h *host) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	tenant := r.Header.Get("X-Tenant")
	putenvBuiltin("DATABASE_PASSWORD=" + h.tenantDB[tenant]) // not reported here: the finding is inside putenvBuiltin, which only handlers call
	defer os.Unsetenv("DATABASE_PASSWORD")                   // unsetenv-concurrent: request cleanup deletes another request's value // want `^os\.Unsetenv\("DATABASE_PASSWORD"\) reachable from HTTP handler \(\*host\)\.ServeHTTP \(race: may race with os\.Getenv\("DATABASE_PASSWORD"\) in getenvBuiltin\)$`
	dsn := "postgres://app:" + getenvBuiltin("DATABASE_PASSWORD") + "@db.internal/app"
	_ = dsn
	w.WriteHeader(http.StatusNoContent)
}

// requestEnv is the fix: a per-request sandbox seeded from a startup snapshot.
type requestEnv map[string]string

func (e requestEnv) putenv(assignment string) {
	k, v, _ := strings.Cut(assignment, "=")
	e[k] = v // not reported: per-request map
}

func (e requestEnv) getenv(name string) string { return e[name] } // not reported: per-request map

func (h *host) serveSandboxed(w http.ResponseWriter, r *http.Request) {
	env := requestEnv{}
	for k, v := range h.baseEnv {
		env[k] = v
	}
	env.putenv("DATABASE_PASSWORD=" + h.tenantDB[r.Header.Get("X-Tenant")]) // not reported: sandbox only
	_ = env.getenv("DATABASE_PASSWORD")                                     // not reported: sandbox only
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	base := map[string]string{}
	for _, kv := range os.Environ() { // not reported: startup snapshot, before the server starts
		k, v, _ := strings.Cut(kv, "=")
		base[k] = v
	}
	h := &host{
		tenantDB: map[string]string{"tenant-a": "example-pass-a", "tenant-b": "example-pass-b"},
		baseEnv:  base,
	}
	mux := http.NewServeMux()
	mux.Handle("/run", h)
	mux.HandleFunc("/run-sandboxed", h.serveSandboxed)
	addr := os.Getenv("LISTEN_ADDR") // not reported: startup, non-credential
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	log.Fatal(http.ListenAndServe(addr, mux))
}
