// Package main reproduces false-finding kind K9 of docs/precision.md
// (strict standard, third set), in the shape of hydra's test/mock-cb: an
// OAuth2 client application's callback handler reads the application's one
// client ID and secret from the environment on every request, in the
// handler's own package, to redeem the caller's code. Every caller is
// served with the same client credentials by design (the caller's identity
// is the code), and nothing in the program writes them.
package main

import (
	"net/http"
	"net/url"
	"os"
	"strings"
)

func callback(w http.ResponseWriter, r *http.Request) {
	form := url.Values{
		"grant_type":    {"authorization_code"},
		"code":          {r.URL.Query().Get("code")},
		"client_id":     {os.Getenv("OAUTH2_CLIENT_ID")},
		"client_secret": {os.Getenv("OAUTH2_CLIENT_SECRET")}, // still reported (K9): the application's one client secret, never written
	}
	resp, err := http.Post(os.Getenv("TOKEN_URL"), "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	resp.Body.Close()
}

func main() {
	http.HandleFunc("/callback", callback)
	http.ListenAndServe(":4445", nil)
}
