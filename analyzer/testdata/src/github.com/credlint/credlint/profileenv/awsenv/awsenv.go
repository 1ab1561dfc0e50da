// Package awsenv is a minimal stub of credlint's aws-sdk-go-v2 adapter
// (profileenv/awsenv) for the analyzer's tests.
package awsenv

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/config"
)

func With(ctx context.Context, optFns ...func(*config.LoadOptions) error) []func(*config.LoadOptions) error {
	return optFns
}
