// Kind: interface call resolved to an implementation the program never wires in.
package main

import (
	"net/http"
	"os"
)

// tokenRT is a RoundTripper some dependency defines and uses for its own
// clients; this program never stores it in proxy.rt.
type tokenRT struct{}

func (tokenRT) RoundTrip(r *http.Request) (*http.Response, error) {
	r.Header.Set("Authorization", os.Getenv("UPSTREAM_TOKEN")) // still reported: tokenRT is converted to the interface in this package (docs/precision.md, kind A, remaining limit)
	return http.DefaultTransport.RoundTrip(r)
}

func NewSDKClient() *http.Client { return &http.Client{Transport: tokenRT{}} }

type proxy struct{ rt http.RoundTripper }

func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	resp, err := p.rt.RoundTrip(r) // ok: p.rt is only ever http.DefaultTransport
	if err == nil {
		resp.Body.Close()
	}
}

func main() {
	http.ListenAndServe(":8080", &proxy{rt: http.DefaultTransport})
}
