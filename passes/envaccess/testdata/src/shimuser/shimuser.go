package shimuser // want package:"touchesEnv"

import (
	"context"

	"github.com/credlint/credlint/profileenv"
)

// token reads through the shim: with no profile attached, os.Getenv.
func token(ctx context.Context) string { // want token:`envRead\(API_TOKEN\)`
	return profileenv.Getenv(ctx, "API_TOKEN")
}
