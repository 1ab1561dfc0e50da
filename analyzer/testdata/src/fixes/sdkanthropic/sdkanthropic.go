// Package sdkanthropic holds the anthropic-sdk-go row of the SDK fixes:
// the handlers build a client per request with the SDK's default options,
// which read ANTHROPIC_* from the process environment.
package sdkanthropic

import (
	"context"
	"net/http"

	"github.com/anthropics/anthropic-sdk-go/v2"
	"github.com/anthropics/anthropic-sdk-go/v2/option"

	"github.com/credlint/credlint/profileenv/anthropicenv"
)

func plain(w http.ResponseWriter, r *http.Request) {
	_ = anthropic.NewClient() // want `os\.LookupEnv of "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN" and "ANTHROPIC_WEBHOOK_SIGNING_KEY" reads a credential.*anthropicenv\.With`
}

func withOptions(w http.ResponseWriter, r *http.Request) {
	_ = anthropic.NewClient(option.WithBaseURL("http://localhost")) // want `os\.LookupEnv of "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN" and "ANTHROPIC_WEBHOOK_SIGNING_KEY" reads a credential`
}

func spread(ctx context.Context, opts []option.RequestOption) {
	_ = anthropic.NewClient(opts...) // want `os\.LookupEnv of "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN" and "ANTHROPIC_WEBHOOK_SIGNING_KEY" reads a credential`
}

// newClient has no context; its only caller has one, so the fix threads it.
func newClient(base string) anthropic.Client {
	return anthropic.NewClient(option.WithBaseURL(base)) // want `os\.LookupEnv of "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN" and "ANTHROPIC_WEBHOOK_SIGNING_KEY" reads a credential`
}

func threaded(w http.ResponseWriter, r *http.Request) {
	_ = newClient("http://localhost")
}

// NewDefault is exported and has no context: its callers get the message
// alone.
func NewDefault() anthropic.Client {
	return anthropic.NewClient()
}

func noContext(w http.ResponseWriter, r *http.Request) {
	_ = NewDefault() // want `os\.LookupEnv of "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN" and "ANTHROPIC_WEBHOOK_SIGNING_KEY" reads a credential.*no automatic fix`
}

func fixed(w http.ResponseWriter, r *http.Request) {
	_ = anthropic.NewClient(anthropicenv.With(r.Context())...) // not reported: the adapter supplies what the SDK reads
}

// explicit passes a key: a credential option skips the SDK's whole
// credential chain, and only the webhook key is still read.
func explicit(w http.ResponseWriter, r *http.Request, key string) {
	_ = anthropic.NewClient(option.WithAPIKey(key)) // want `os\.LookupEnv\("ANTHROPIC_WEBHOOK_SIGNING_KEY"\) reads a credential`
}

func main() {
	http.HandleFunc("/plain", plain)
	http.HandleFunc("/options", withOptions)
	http.HandleFunc("/threaded", threaded)
	http.HandleFunc("/nocontext", noContext)
	http.HandleFunc("/fixed", fixed)
	http.HandleFunc("/explicit", func(w http.ResponseWriter, r *http.Request) { explicit(w, r, "k") })
	go spread(context.Background(), nil)
}
