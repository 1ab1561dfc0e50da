// Package azcore is a minimal stub of
// github.com/Azure/azure-sdk-for-go/sdk/azcore for credlint's tests.
package azcore

import "context"

type AccessToken struct{ Token string }

type TokenRequestOptions struct{ Scopes []string }

type TokenCredential interface {
	GetToken(ctx context.Context, options TokenRequestOptions) (AccessToken, error)
}
