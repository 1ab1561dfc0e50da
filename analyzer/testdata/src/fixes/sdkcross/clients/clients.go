// Package clients builds SDK clients for package app: one with the
// context's profile, one from the process environment.
package clients

import (
	"context"

	"github.com/openai/openai-go/v3"

	"github.com/credlint/credlint/profileenv/openaienv"
)

// New passes the profile explicitly: it reads nothing for its callers.
func New(ctx context.Context) openai.Client {
	return openai.NewClient(openaienv.With(ctx)...)
}

// NewPlain leaves the SDK to read the process environment.
func NewPlain() openai.Client {
	return openai.NewClient()
}
