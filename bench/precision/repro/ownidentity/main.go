// Package main reproduces false-finding kind K1 of docs/precision.md (strict
// standard), in oauth2-proxy's shape (S1): a server reads its own, single
// workload identity from the environment on every request, in another
// package of its module. Every caller is served with the same identity by
// design, and nothing in the program writes the variable, so no two
// requests can see different values. The variable holds a path (the token
// file the platform mounts and rotates), a credential path by its last
// word (docs/credential-keys.md), so the read is not reported. The other
// shape of K1, sops' SDK default chains (another module's code), needs a
// second module; analyzer/testdata/ownmodule has it (example.com/sdk).
package main

import (
	"net/http"

	"github.com/credlint/credlint/bench/precision/repro/ownidentity/entra"
)

func callback(w http.ResponseWriter, r *http.Request) {
	if _, err := entra.Redeem(r.URL.Query().Get("code")); err != nil { // ok: the proxy's one identity, a path re-read because the file rotates
		http.Error(w, "login failed", http.StatusForbidden)
	}
}

func main() {
	http.HandleFunc("/oauth2/callback", callback)
	http.ListenAndServe(":4180", nil)
}
