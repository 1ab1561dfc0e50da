// Package anthropicenv is a minimal stub of credlint's anthropic-sdk-go
// adapter (profileenv/anthropicenv) for the analyzer's tests.
package anthropicenv

import (
	"context"

	"github.com/anthropics/anthropic-sdk-go/v2/option"
)

func With(ctx context.Context, opts ...option.RequestOption) []option.RequestOption {
	return opts
}
