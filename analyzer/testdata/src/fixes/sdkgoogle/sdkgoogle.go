// Package sdkgoogle holds the Google Cloud row of the SDK fixes, keyed on
// the ...option.ClientOption parameter that every cloud.google.com/go
// client constructor takes: the handlers build clients per request, whose
// credential detection reads GOOGLE_APPLICATION_CREDENTIALS, which another
// handler writes.
package sdkgoogle

import (
	"context"
	"net/http"
	"os"

	"cloud.google.com/go/pubsub"
	"cloud.google.com/go/storage"
	"google.golang.org/api/option"

	"github.com/credlint/credlint/profileenv/googleenv"
)

func mirror(w http.ResponseWriter, r *http.Request) {
	os.Setenv("GOOGLE_APPLICATION_CREDENTIALS", r.Header.Get("X-Creds")) // want `os\.Setenv\("GOOGLE_APPLICATION_CREDENTIALS"\) reachable from`
}

func plain(w http.ResponseWriter, r *http.Request) {
	_, _ = storage.NewClient(r.Context()) // want `os\.Getenv\("GOOGLE_APPLICATION_CREDENTIALS"\) reads a credential.*googleenv\.With`
}

func withOptions(w http.ResponseWriter, r *http.Request) {
	_, _ = pubsub.NewClient(r.Context(), "project", option.WithEndpoint("localhost:8085")) // want `os\.Getenv\("GOOGLE_APPLICATION_CREDENTIALS"\) reads a credential`
}

func spread(ctx context.Context, opts []option.ClientOption) {
	_, _ = storage.NewClient(ctx, opts...) // want `os\.Getenv\("GOOGLE_APPLICATION_CREDENTIALS"\) reads a credential`
}

// newClient has no context of its own to pass; its only caller has one,
// so the fix threads it.
func newClient() (*storage.Client, error) {
	return storage.NewClient(context.Background()) // want `os\.Getenv\("GOOGLE_APPLICATION_CREDENTIALS"\) reads a credential`
}

func threaded(w http.ResponseWriter, r *http.Request) {
	_, _ = newClient()
}

// NewDefault is exported and has no context: its callers get the message
// alone.
func NewDefault() (*storage.Client, error) {
	return storage.NewClient(context.Background())
}

func noContext(w http.ResponseWriter, r *http.Request) {
	_, _ = NewDefault() // want `os\.Getenv\("GOOGLE_APPLICATION_CREDENTIALS"\) reads a credential.*no automatic fix`
}

func fixed(w http.ResponseWriter, r *http.Request) {
	_, _ = storage.NewClient(r.Context(), googleenv.With(r.Context())...) // not reported: the adapter supplies the credentials file
}

func explicit(w http.ResponseWriter, r *http.Request) {
	_, _ = storage.NewClient(r.Context(), option.WithCredentialsFile("/etc/tenant.json")) // not reported: an explicit credentials file
}

func main() {
	http.HandleFunc("/mirror", mirror)
	http.HandleFunc("/plain", plain)
	http.HandleFunc("/options", withOptions)
	http.HandleFunc("/threaded", threaded)
	http.HandleFunc("/nocontext", noContext)
	http.HandleFunc("/fixed", fixed)
	http.HandleFunc("/explicit", explicit)
	go spread(context.Background(), nil)
}
