// Package googleenv is a minimal stub of credlint's Google Cloud client
// options adapter (profileenv/googleenv) for the analyzer's tests.
package googleenv

import (
	"context"

	"google.golang.org/api/option"
)

func With(ctx context.Context, opts ...option.ClientOption) []option.ClientOption {
	return opts
}
