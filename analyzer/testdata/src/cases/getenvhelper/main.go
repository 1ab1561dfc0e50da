// Command sentinel is a reverse proxy in front of hosted blockchain nodes,
// which looked up upstreams on every request through small helpers that take
// the variable name as a parameter.
//
// Ported from /work/shared/cases/18-getenv-helper-name-parameter-in-proxy.
package main

import (
	"log"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"
	"time"
)

// envOr is a generic helper; whether a call is a finding depends on the name
// its caller passes and on where the caller runs.
func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" { // not reported: not a finding by itself; main calls envOr too, so findings go to the handler's call sites with credential names
		return v
	}
	return def
}

// upstreamEnvName maps a route to the variable holding its upstream URL.
func upstreamEnvName(target string) string {
	switch target {
	case "btc-mainnet-fullnode":
		return "BTC_FULLNODE_URL"
	case "eth-mainnet-fullnode":
		return "ETH_FULLNODE_URL"
	}
	return ""
}

type proxy struct{ upstreams map[string]*url.URL }

// ServeHTTP is the buggy shape: env lookups per request.
func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	target := strings.TrimPrefix(r.URL.Path, "/")
	raw := os.Getenv(upstreamEnvName(target))                          // env-read-in-handler: name chosen by the request path // want `^os\.Getenv\(<dynamic name>\) reads a variable named at run time, reachable from HTTP handler \(\*proxy\)\.ServeHTTP \(name chosen by data: nothing in view writes it`
	apiKey := envOr("SENTINEL_UPSTREAM_API_KEY", "")                   // cred-read-concurrent: credential name flows into envOr -> os.Getenv // want `^os\.Getenv\("SENTINEL_UPSTREAM_API_KEY"\) reads a credential reachable from HTTP handler \(\*proxy\)\.ServeHTTP \(request read: nothing in view writes it, but each caller may need its own value\): ServeHTTP calls envOr, which calls os\.Getenv$`
	timeout, _ := time.ParseDuration(envOr("SENTINEL_TIMEOUT", "30s")) // not reported: non-credential name
	u, err := url.Parse(raw)
	if err != nil || raw == "" {
		http.NotFound(w, r)
		return
	}
	r.Header.Set("X-Api-Key", apiKey)
	_ = timeout
	httputil.NewSingleHostReverseProxy(u).ServeHTTP(w, r)
}

// serveFixed uses upstreams parsed once at startup.
func (p *proxy) serveFixed(w http.ResponseWriter, r *http.Request) {
	u, ok := p.upstreams[strings.TrimPrefix(r.URL.Path, "/fixed/")] // not reported: Go map lookup
	if !ok {
		http.NotFound(w, r)
		return
	}
	httputil.NewSingleHostReverseProxy(u).ServeHTTP(w, r)
}

func main() {
	p := &proxy{upstreams: map[string]*url.URL{}}
	for _, target := range []string{"btc-mainnet-fullnode", "eth-mainnet-fullnode"} {
		if u, err := url.Parse(os.Getenv(upstreamEnvName(target))); err == nil { // not reported: startup read before the server starts
			p.upstreams[target] = u
		}
	}
	key := envOr("SENTINEL_UPSTREAM_API_KEY", "") // not reported: startup call of the helper, before the server starts
	_ = key
	mux := http.NewServeMux()
	mux.Handle("/", p)
	mux.HandleFunc("/fixed/", p.serveFixed)
	log.Fatal(http.ListenAndServe(envOr("SENTINEL_LISTEN", "127.0.0.1:8545"), mux)) // not reported: non-credential, startup
}
