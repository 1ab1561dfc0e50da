// Package openaienv is a minimal stub of credlint's openai-go adapter
// (profileenv/openaienv) for the analyzer's tests: With puts the profile's
// options first and the caller's after them.
package openaienv

import (
	"context"

	"github.com/openai/openai-go/v3/option"
)

func With(ctx context.Context, opts ...option.RequestOption) []option.RequestOption {
	return opts
}
