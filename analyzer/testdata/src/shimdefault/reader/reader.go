// Package reader reads a credential in another package than the handler
// that swaps it, before and after credlint -context-reads -fix (issue 16).
package reader

import (
	"context"
	"os"

	"github.com/credlint/credlint/profileenv"
)

// Key reads the key as the code did before the fix.
func Key(ctx context.Context) string { return os.Getenv("OPENAI_API_KEY") }

// KeyFixed reads it as the fix rewrote it: with no profile attached,
// profileenv.Getenv is os.Getenv.
func KeyFixed(ctx context.Context) string { return profileenv.Getenv(ctx, "OPENAI_API_KEY") }

// Names reads the whole environment as the fix rewrote os.Environ.
func Names(ctx context.Context) []string { return profileenv.Environ(ctx) }
