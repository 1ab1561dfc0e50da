// Command httpbin is a request-echo service. Operators asked for an /env
// endpoint that shows the HTTPBIN_* variables they set on the deployment. The
// first implementation walked the process environment on every request; the
// maintainer asked for it to be resolved once at startup and passed in. Nothing
// in this program writes the environment, so the per-request findings are the
// low-severity read-only kind.
//
// Third-party: github.com/go-chi/chi/v5 (router; handlers run per request).
//
// Ported from /work/shared/cases-new/32-environ-dump-endpoint-per-request.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
	"strings"
	"sync"

	"github.com/go-chi/chi/v5"
)

const prefix = "HTTPBIN_"

// envPerRequest is the first implementation.
func envPerRequest(w http.ResponseWriter, r *http.Request) {
	out := map[string]string{}
	for _, kv := range os.Environ() { // cred-read-concurrent: whole-env read on every request; prefix filter applied after the read // want `os\.Environ\(\)`
		if k, v, ok := strings.Cut(kv, "="); ok && strings.HasPrefix(k, prefix) {
			out[k] = v
		}
	}
	json.NewEncoder(w).Encode(out)
}

// envByName looks one variable up by a name taken from the URL.
func envByName(w http.ResponseWriter, r *http.Request) {
	v := os.Getenv(prefix + chi.URLParam(r, "name")) // env-read-in-handler: name built from the request path // want `os\.Getenv\(<name starting "HTTPBIN_">\)`
	w.Write([]byte(v))
}

// collectEnv is only ever called through sync.OnceValue.
func collectEnv() map[string]string {
	out := map[string]string{}
	for _, kv := range os.Environ() { // not reported: runs once, through sync.OnceValue (named function, not a literal)
		if k, v, ok := strings.Cut(kv, "="); ok && strings.HasPrefix(k, prefix) {
			out[k] = v
		}
	}
	return out
}

var lazyEnv = sync.OnceValue(collectEnv)

func envLazy(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(lazyEnv()) // not reported: cached map
}

// HTTPBin with an explicit env is the fix the maintainer asked for.
type HTTPBin struct{ env map[string]string }

type Option func(*HTTPBin)

func WithEnv(env map[string]string) Option { return func(h *HTTPBin) { h.env = env } }

func New(opts ...Option) *HTTPBin {
	h := &HTTPBin{}
	for _, o := range opts {
		o(h)
	}
	return h
}

func (h *HTTPBin) Env(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(h.env) // not reported: map captured at startup
}

func banner(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(os.Getenv("HTTPBIN_BANNER"))) // not reported: non-credential name, read-only program
}

func main() {
	env := map[string]string{}
	for _, kv := range os.Environ() { // not reported: startup snapshot, before the server starts
		if k, v, ok := strings.Cut(kv, "="); ok && strings.HasPrefix(k, prefix) {
			env[k] = v
		}
	}
	h := New(WithEnv(env))
	r := chi.NewRouter()
	r.Get("/env", envPerRequest)
	r.Get("/env/{name}", envByName)
	r.Get("/env-lazy", envLazy)
	r.Get("/v2/env", h.Env)
	r.Get("/banner", banner)
	log.Fatal(http.ListenAndServe("127.0.0.1:8080", r))
}
