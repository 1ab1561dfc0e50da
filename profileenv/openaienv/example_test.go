package openaienv_test

import (
	"net/http"

	"github.com/credlint/credlint/profileenv/openaienv"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

// A handler behind profileenv.Middleware builds its client with the
// request's profile; without a profile the client reads the process
// environment, as openai.NewClient always did.
func ExampleWith() {
	_ = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client := openai.NewClient(openaienv.With(r.Context(), option.WithMaxRetries(2))...)
		_, _ = client.Models.List(r.Context())
	})
}
