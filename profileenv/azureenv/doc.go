// Package azureenv gives the Azure identity library,
// github.com/Azure/azure-sdk-for-go/sdk/azidentity, the profile attached to
// a context (see github.com/credlint/credlint/profileenv), so that a
// credential built for one request authenticates as that request's
// service principal and never another's:
//
//	cred, err := azureenv.NewDefaultAzureCredential(ctx, nil)
//
// The SDK takes an options struct rather than variadic options, and reads
// the service principal only from the environment, so azureenv wraps its
// two constructors, NewDefaultAzureCredential and NewEnvironmentCredential,
// with a leading ctx, and returns an azcore.TokenCredential.
//
// It is a module of its own so that profileenv stays standard-library only
// and only programs that already use azidentity pull it in.
//
// # What the SDK reads
//
// Read in azidentity v1.15.0 (environment_credential.go,
// default_azure_credential.go, workload_identity.go, azidentity.go).
// NewEnvironmentCredential needs AZURE_TENANT_ID and AZURE_CLIENT_ID, and
// takes the first of: AZURE_CLIENT_SECRET (a client secret credential);
// AZURE_CLIENT_CERTIFICATE_PATH, with AZURE_CLIENT_CERTIFICATE_PASSWORD and
// AZURE_CLIENT_SEND_CERTIFICATE_CHAIN (a client certificate credential);
// AZURE_USERNAME with AZURE_PASSWORD (a user). AZURE_ADDITIONALLY_ALLOWED_TENANTS
// lists more tenants, and AZURE_AUTHORITY_HOST the authority, when the
// options name none. NewDefaultAzureCredential chains, unless
// AZURE_TOKEN_CREDENTIALS selects some: that environment credential;
// workload identity (AZURE_FEDERATED_TOKEN_FILE, AZURE_CLIENT_ID,
// AZURE_TENANT_ID); managed identity (AZURE_CLIENT_ID); the Azure CLI, the
// Azure Developer CLI and Azure PowerShell.
//
// # What the wrappers do
//
// With no profile in ctx, or a profile that sets no AZURE_* variable and
// hides none of the credential variables the process environment sets
// (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET,
// AZURE_CLIENT_CERTIFICATE_PATH, AZURE_USERNAME, AZURE_PASSWORD,
// AZURE_FEDERATED_TOKEN_FILE), they call the SDK's function unchanged and
// return its credential.
//
// Otherwise they build, from the profile's view of the variables
// (profileenv.Env.LookupEnv), what the SDK builds from the environment, with
// the SDK's own constructors and the caller's options:
//
//   - NewEnvironmentCredential: the client secret, client certificate or
//     user credential, in the SDK's order and with its errors for missing
//     variables.
//   - NewDefaultAzureCredential: the first credential of the default chain
//     that the profile configures: that environment credential, else its
//     workload identity. A profile that configures neither gets
//     ErrNoCredential rather than the chain, whose managed identity and
//     developer tools are the process's, not the tenant's; so does one that
//     hides the process's service principal without one of its own (the
//     AZURE_* credential variables do not fall back: name them with
//     profileenv.Fallback to share them). Unlike the chain, a configured
//     credential that fails to build returns its error instead of moving on.
//
// AZURE_TOKEN_CREDENTIALS is not read for a profile.
//
// # Precedence
//
// What the caller's options set explicitly wins over the profile, as over
// the environment: an authority host in ClientOptions.Cloud,
// DefaultAzureCredentialOptions.AdditionallyAllowedTenants and TenantID (for
// workload identity).
package azureenv
