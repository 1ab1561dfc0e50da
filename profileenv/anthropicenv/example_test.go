package anthropicenv_test

import (
	"net/http"

	"github.com/anthropics/anthropic-sdk-go/v2"
	"github.com/anthropics/anthropic-sdk-go/v2/option"
	"github.com/credlint/credlint/profileenv/anthropicenv"
)

// A handler behind profileenv.Middleware builds its client with the
// request's profile; without a profile the client reads the process
// environment, as anthropic.NewClient always did.
func ExampleWith() {
	_ = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client := anthropic.NewClient(anthropicenv.With(r.Context(), option.WithMaxRetries(2))...)
		_, _ = client.Models.List(r.Context(), anthropic.ModelListParams{})
	})
}
