package azureenv

import (
	"context"
	"errors"
	"os"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/credlint/credlint/profileenv"
)

// The variables azidentity v1.15.0 reads for the credentials these
// functions build (environment_credential.go, workload_identity.go,
// azidentity.go).
const (
	keyTenantID           = "AZURE_TENANT_ID"
	keyClientID           = "AZURE_CLIENT_ID"
	keyClientSecret       = "AZURE_CLIENT_SECRET"
	keyCertificatePath    = "AZURE_CLIENT_CERTIFICATE_PATH"
	keyCertificatePass    = "AZURE_CLIENT_CERTIFICATE_PASSWORD"
	keySendCertChain      = "AZURE_CLIENT_SEND_CERTIFICATE_CHAIN"
	keyUsername           = "AZURE_USERNAME"
	keyPassword           = "AZURE_PASSWORD"
	keyFederatedTokenFile = "AZURE_FEDERATED_TOKEN_FILE"
	keyAllowedTenants     = "AZURE_ADDITIONALLY_ALLOWED_TENANTS"
	keyAuthorityHost      = "AZURE_AUTHORITY_HOST"
)

// credentialKeys are the variables whose values, in the process
// environment, would give the SDK's functions a credential.
var credentialKeys = []string{keyTenantID, keyClientID, keyClientSecret, keyCertificatePath,
	keyUsername, keyPassword, keyFederatedTokenFile}

// ErrNoCredential is returned by NewDefaultAzureCredential for a profile
// that has no Azure credential of its own while the process environment
// has one, which the profile hides.
var ErrNoCredential = errors.New("azureenv: the profile has no Azure credential and hides the process's AZURE_* variables")

// NewEnvironmentCredential is azidentity.NewEnvironmentCredential for the
// profile attached to ctx: the credential the SDK would build if the
// process environment were the profile's view of it. With no profile, or a
// profile that sets no AZURE_* variable and hides none the process sets,
// it is azidentity.NewEnvironmentCredential(options).
func NewEnvironmentCredential(ctx context.Context, options *azidentity.EnvironmentCredentialOptions) (azcore.TokenCredential, error) {
	env, ok := profile(ctx)
	if !ok {
		return azidentity.NewEnvironmentCredential(options)
	}
	if options == nil {
		options = &azidentity.EnvironmentCredentialOptions{}
	}
	return environmentCredential(env, authorityHost(env, options.ClientOptions), options.DisableInstanceDiscovery, nil)
}

// NewDefaultAzureCredential is azidentity.NewDefaultAzureCredential for
// the profile attached to ctx. With no profile, or a profile that sets no
// AZURE_* variable and hides none the process sets, it is
// azidentity.NewDefaultAzureCredential(options). Otherwise it returns the
// first credential of the default chain that the profile configures: its
// service principal or user (as NewEnvironmentCredential), else its
// workload identity; and ErrNoCredential when it configures neither.
func NewDefaultAzureCredential(ctx context.Context, options *azidentity.DefaultAzureCredentialOptions) (azcore.TokenCredential, error) {
	env, ok := profile(ctx)
	if !ok {
		return azidentity.NewDefaultAzureCredential(options)
	}
	if options == nil {
		options = &azidentity.DefaultAzureCredentialOptions{}
	}
	co := authorityHost(env, options.ClientOptions)
	tenants := options.AdditionallyAllowedTenants
	if configured(env, keyTenantID, keyClientID) &&
		(configured(env, keyClientSecret) || configured(env, keyCertificatePath) || configured(env, keyUsername)) {
		return environmentCredential(env, co, options.DisableInstanceDiscovery, tenants)
	}
	if configured(env, keyClientID, keyFederatedTokenFile) && firstOf(options.TenantID, env.Getenv(keyTenantID)) != "" {
		if len(tenants) == 0 {
			tenants = allowedTenants(env)
		}
		return azidentity.NewWorkloadIdentityCredential(&azidentity.WorkloadIdentityCredentialOptions{
			ClientOptions:              co,
			AdditionallyAllowedTenants: tenants,
			ClientID:                   env.Getenv(keyClientID),
			DisableInstanceDiscovery:   options.DisableInstanceDiscovery,
			TenantID:                   firstOf(options.TenantID, env.Getenv(keyTenantID)),
			TokenFilePath:              env.Getenv(keyFederatedTokenFile),
		})
	}
	return nil, ErrNoCredential
}

// profile returns the profile attached to ctx, and false when the SDK's
// own function sees the same as the profile: no profile, or one that sets
// no AZURE_* variable and hides none of the credential variables the
// process environment sets.
func profile(ctx context.Context) (profileenv.Env, bool) {
	env, ok := profileenv.FromContext(ctx)
	if !ok {
		return env, false
	}
	for k := range env.Vars() {
		if strings.HasPrefix(k, "AZURE_") {
			return env, true
		}
	}
	for _, k := range credentialKeys {
		if v, _ := env.LookupEnv(k); v != os.Getenv(k) {
			return env, true
		}
	}
	return env, false
}

// authorityHost returns co with the profile's AZURE_AUTHORITY_HOST, which
// the SDK reads only when co names no authority host and no cloud
// (setAuthorityHost), or with the public cloud's when the profile hides
// the process's.
func authorityHost(env profileenv.Env, co azcore.ClientOptions) azcore.ClientOptions {
	if co.Cloud.ActiveDirectoryAuthorityHost != "" || len(co.Cloud.Services) > 0 {
		return co
	}
	v, _ := env.LookupEnv(keyAuthorityHost)
	if v == "" && os.Getenv(keyAuthorityHost) != "" {
		v = cloud.AzurePublic.ActiveDirectoryAuthorityHost
	}
	if v != "" && v != os.Getenv(keyAuthorityHost) {
		co.Cloud.ActiveDirectoryAuthorityHost = v
	}
	return co
}

// configured reports whether the profile's view of every key is not empty.
func configured(env profileenv.Env, keys ...string) bool {
	for _, k := range keys {
		if v, _ := env.LookupEnv(k); v == "" {
			return false
		}
	}
	return true
}

func allowedTenants(env profileenv.Env) []string {
	if v, _ := env.LookupEnv(keyAllowedTenants); v != "" {
		return strings.Split(v, ";")
	}
	return nil
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
