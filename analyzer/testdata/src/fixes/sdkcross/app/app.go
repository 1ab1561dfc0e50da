// Package app calls the clients package from handlers: a client built
// with the profile is clean across the package boundary.
package app

import (
	"net/http"

	"fixes/sdkcross/clients"
)

func fixed(w http.ResponseWriter, r *http.Request) {
	_ = clients.New(r.Context()) // not reported: clients.New passes the adapter's options to the SDK
}

func plain(w http.ResponseWriter, r *http.Request) {
	_ = clients.NewPlain() // want `os\.LookupEnv of "OPENAI_ADMIN_KEY", "OPENAI_API_KEY" and "OPENAI_WEBHOOK_SECRET" reads a credential`
}

func Register() {
	http.HandleFunc("/fixed", fixed)
	http.HandleFunc("/plain", plain)
}
