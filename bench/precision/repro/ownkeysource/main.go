// Package main reproduces false-finding kind K6 of docs/precision.md
// (strict standard), in sops' key-service shape (what is left of F2–F12):
// a gRPC-style service builds a key per request from the request's data and
// calls a key-source package of its own module, which falls back to the
// process's identity (an environment variable) when the key carries no
// credentials. The service lends its one identity to every client by
// design, and nothing in the program writes the variable. The read is
// behind a package boundary from the handler (a key source's default), so
// with no write in view it is advice (cred-read-shared), not a request
// read; a read in the handler's own package would be one.
package main

import (
	"net/http"

	"github.com/credlint/credlint/bench/precision/repro/ownkeysource/keysource"
)

func decrypt(w http.ResponseWriter, r *http.Request) {
	key := keysource.MasterKey{Recipient: r.URL.Query().Get("recipient")}
	out, err := key.Decrypt([]byte(r.URL.Query().Get("data"))) // ok: the key source's default identity, behind a package boundary, nothing writes it (docs/precision.md, K6)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Write(out)
}

func main() {
	http.HandleFunc("/decrypt", decrypt)
	http.ListenAndServe("127.0.0.1:5000", nil)
}
