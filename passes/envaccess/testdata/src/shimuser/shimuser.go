package shimuser

import (
	"context"

	"github.com/credlint/credlint/profileenv"
)

func token(ctx context.Context) string { // no fact: reads through the shim are not accesses
	return profileenv.Getenv(ctx, "API_TOKEN")
}
