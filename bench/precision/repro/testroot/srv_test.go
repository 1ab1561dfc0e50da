// Kind: a handler or goroutine in a _test.go file is a test root, not a server root.
package testroot

import (
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
)

func TestFetch(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != os.Getenv("TEST_API_TOKEN") { // ok: a test fixture, nothing writes the key
			w.WriteHeader(http.StatusUnauthorized)
		}
	}))
	defer srv.Close()
	done := make(chan error)
	go func() { done <- Fetch(srv.Client(), srv.URL+"?k="+os.Getenv("TEST_API_TOKEN")) }() // ok: same
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
