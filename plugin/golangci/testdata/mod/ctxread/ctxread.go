// Package ctxread is the context-reads fixture of the golangci-lint
// integration test: a credential read with a context at hand, on no
// concurrent path, which credlint reports only with context-reads: true.
package ctxread

import (
	"context"
	"os"
)

// Key returns the API key, ignoring any profile attached to ctx.
func Key(ctx context.Context) string {
	return os.Getenv("OPENAI_API_KEY") // reported only with context-reads: true
}
