// Package main reproduces false-finding kind K1 of docs/precision.md (strict
// standard): a server reads its own, single workload identity from the
// environment on every request. Every caller is served with the same
// identity by design, and nothing in the program writes the variable, so no
// two requests can see different values.
package main

import (
	"net/http"
	"net/url"
	"os"
)

// redeem exchanges a login code, authenticating the proxy itself with the
// federated token its platform mounts (and rotates) at a fixed path.
func redeem(code string) (url.Values, error) {
	tok, err := os.ReadFile(os.Getenv("AZURE_FEDERATED_TOKEN_FILE")) // ok: the proxy's one identity, re-read because the file rotates
	if err != nil {
		return nil, err
	}
	return url.Values{"code": {code}, "client_assertion": {string(tok)}}, nil
}

func callback(w http.ResponseWriter, r *http.Request) {
	if _, err := redeem(r.URL.Query().Get("code")); err != nil {
		http.Error(w, "login failed", http.StatusForbidden)
	}
}

func main() {
	http.HandleFunc("/oauth2/callback", callback)
	http.ListenAndServe(":4180", nil)
}
