// Package sdkopenai holds the openai-go row of the SDK fixes: the
// handlers build a client per request with the SDK's default options,
// which read OPENAI_* from the process environment.
package sdkopenai

import (
	"context"
	"net/http"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"

	"github.com/credlint/credlint/profileenv/openaienv"
)

func plain(w http.ResponseWriter, r *http.Request) {
	_ = openai.NewClient() // want `os\.LookupEnv of "OPENAI_ADMIN_KEY", "OPENAI_API_KEY" and "OPENAI_WEBHOOK_SECRET" reads a credential.*openaienv\.With`
}

func withOptions(w http.ResponseWriter, r *http.Request) {
	_ = openai.NewClient(option.WithBaseURL("http://localhost"), // want `os\.LookupEnv of "OPENAI_ADMIN_KEY", "OPENAI_API_KEY" and "OPENAI_WEBHOOK_SECRET" reads a credential`
		option.WithOrganization("org"))
}

func spread(ctx context.Context, opts []option.RequestOption) {
	_ = openai.NewClient(opts...) // want `os\.LookupEnv of "OPENAI_ADMIN_KEY", "OPENAI_API_KEY" and "OPENAI_WEBHOOK_SECRET" reads a credential`
}

// newClient has no context; its only caller has one, so the fix threads it.
func newClient(base string) openai.Client {
	return openai.NewClient(option.WithBaseURL(base)) // want `os\.LookupEnv of "OPENAI_ADMIN_KEY", "OPENAI_API_KEY" and "OPENAI_WEBHOOK_SECRET" reads a credential`
}

func threaded(w http.ResponseWriter, r *http.Request) {
	_ = newClient("http://localhost")
}

// NewDefault is exported and has no context: the fix never changes an
// exported signature, so its callers get the message alone.
func NewDefault() openai.Client {
	return openai.NewClient()
}

func noContext(w http.ResponseWriter, r *http.Request) {
	_ = NewDefault() // want `os\.LookupEnv of "OPENAI_ADMIN_KEY", "OPENAI_API_KEY" and "OPENAI_WEBHOOK_SECRET" reads a credential.*no automatic fix`
}

func fixed(w http.ResponseWriter, r *http.Request) {
	_ = openai.NewClient(openaienv.With(r.Context())...) // not reported: the adapter supplies every OPENAI_* variable the SDK reads
}

func explicit(w http.ResponseWriter, r *http.Request, key string) {
	_ = openai.NewClient(option.WithAPIKey(key)) // want `os\.LookupEnv of "OPENAI_ADMIN_KEY" and "OPENAI_WEBHOOK_SECRET" reads a credential`
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
