package azureenv

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/credlint/credlint/profileenv"
)

// environmentCredential builds what azidentity.NewEnvironmentCredential
// builds, in its order and with its errors, from the profile's view of the
// variables instead of the process environment's. tenants, when not
// empty, replaces AZURE_ADDITIONALLY_ALLOWED_TENANTS, as
// DefaultAzureCredentialOptions.AdditionallyAllowedTenants does.
func environmentCredential(env profileenv.Env, co azcore.ClientOptions, noDiscovery bool, tenants []string) (azcore.TokenCredential, error) {
	tenantID, clientID := env.Getenv(keyTenantID), env.Getenv(keyClientID)
	if tenantID == "" {
		return nil, errors.New("missing environment variable " + keyTenantID)
	}
	if clientID == "" {
		return nil, errors.New("missing environment variable " + keyClientID)
	}
	if len(tenants) == 0 {
		tenants = allowedTenants(env)
	}
	if secret := env.Getenv(keyClientSecret); secret != "" {
		return azidentity.NewClientSecretCredential(tenantID, clientID, secret, &azidentity.ClientSecretCredentialOptions{
			AdditionallyAllowedTenants: tenants, ClientOptions: co, DisableInstanceDiscovery: noDiscovery,
		})
	}
	if path := env.Getenv(keyCertificatePath); path != "" {
		return certificateCredential(env, tenantID, clientID, path, &azidentity.ClientCertificateCredentialOptions{
			AdditionallyAllowedTenants: tenants, ClientOptions: co, DisableInstanceDiscovery: noDiscovery,
		})
	}
	if username := env.Getenv(keyUsername); username != "" {
		password := env.Getenv(keyPassword)
		if password == "" {
			return nil, errors.New("no value for " + keyPassword)
		}
		//lint:ignore SA1019 the SDK's EnvironmentCredential still builds it from these variables
		return azidentity.NewUsernamePasswordCredential(tenantID, clientID, username, password, &azidentity.UsernamePasswordCredentialOptions{
			AdditionallyAllowedTenants: tenants, ClientOptions: co, DisableInstanceDiscovery: noDiscovery,
		})
	}
	return nil, errors.New("incomplete environment variable configuration. Only AZURE_TENANT_ID and AZURE_CLIENT_ID are set")
}

// certificateCredential reads the certificate file as the SDK does for
// AZURE_CLIENT_CERTIFICATE_PATH.
func certificateCredential(env profileenv.Env, tenantID, clientID, path string, o *azidentity.ClientCertificateCredentialOptions) (azcore.TokenCredential, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("failed to read certificate file %q: %v", path, err)
	}
	var password []byte
	if v := env.Getenv(keyCertificatePass); v != "" {
		password = []byte(v)
	}
	certs, key, err := azidentity.ParseCertificates(data, password)
	if err != nil {
		return nil, fmt.Errorf("failed to parse %q: %v", path, err)
	}
	if v, ok := env.LookupEnv(keySendCertChain); ok {
		o.SendCertificateChain = v == "1" || strings.EqualFold(v, "true")
	}
	return azidentity.NewClientCertificateCredential(tenantID, clientID, certs, key, o)
}
