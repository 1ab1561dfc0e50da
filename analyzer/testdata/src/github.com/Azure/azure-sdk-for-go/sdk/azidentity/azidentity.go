// Package azidentity is a minimal stub of
// github.com/Azure/azure-sdk-for-go/sdk/azidentity for credlint's tests: as
// in v1.15.0, the environment credential reads AZURE_TENANT_ID,
// AZURE_CLIENT_ID, AZURE_CLIENT_SECRET and AZURE_CLIENT_CERTIFICATE_PATH.
package azidentity

import (
	"context"
	"os"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
)

type DefaultAzureCredentialOptions struct{ TenantID string }

type EnvironmentCredentialOptions struct{}

type DefaultAzureCredential struct{ env *EnvironmentCredential }

type EnvironmentCredential struct{ tenant, client, secret, cert string }

func NewDefaultAzureCredential(options *DefaultAzureCredentialOptions) (*DefaultAzureCredential, error) {
	env, err := NewEnvironmentCredential(nil)
	return &DefaultAzureCredential{env: env}, err
}

func NewEnvironmentCredential(options *EnvironmentCredentialOptions) (*EnvironmentCredential, error) {
	return &EnvironmentCredential{
		tenant: os.Getenv("AZURE_TENANT_ID"),
		client: os.Getenv("AZURE_CLIENT_ID"),
		secret: os.Getenv("AZURE_CLIENT_SECRET"),
		cert:   os.Getenv("AZURE_CLIENT_CERTIFICATE_PATH"),
	}, nil
}

func (c *DefaultAzureCredential) GetToken(ctx context.Context, o azcore.TokenRequestOptions) (azcore.AccessToken, error) {
	return c.env.GetToken(ctx, o)
}

func (c *EnvironmentCredential) GetToken(ctx context.Context, o azcore.TokenRequestOptions) (azcore.AccessToken, error) {
	return azcore.AccessToken{Token: c.secret}, nil
}

// Tenant is not a method of azcore.TokenCredential.
func (c *DefaultAzureCredential) Tenant() string { return c.env.tenant }
