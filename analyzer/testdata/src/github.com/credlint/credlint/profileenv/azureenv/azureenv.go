// Package azureenv is a minimal stub of credlint's azidentity adapter
// (profileenv/azureenv) for the analyzer's tests: with no profile it calls
// the SDK's function unchanged.
package azureenv

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

func NewDefaultAzureCredential(ctx context.Context, options *azidentity.DefaultAzureCredentialOptions) (azcore.TokenCredential, error) {
	return azidentity.NewDefaultAzureCredential(options)
}

func NewEnvironmentCredential(ctx context.Context, options *azidentity.EnvironmentCredentialOptions) (azcore.TokenCredential, error) {
	return azidentity.NewEnvironmentCredential(options)
}
