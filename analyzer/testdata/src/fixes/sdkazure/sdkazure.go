// Package sdkazure holds the azidentity rows of the SDK fixes: the
// handlers build a credential per request, which reads AZURE_* from the
// process environment. The fix wraps the call, whose result becomes an
// azcore.TokenCredential: only where that still compiles.
package sdkazure

import (
	"context"
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"

	"github.com/credlint/credlint/profileenv/azureenv"
)

// use takes any credential, as every Azure client constructor does.
func use(cred azcore.TokenCredential) {}

func plain(w http.ResponseWriter, r *http.Request) {
	cred, err := azidentity.NewDefaultAzureCredential(nil) // want `os\.Getenv\("AZURE_CLIENT_SECRET"\) reads a credential.*azureenv\.NewDefaultAzureCredential`
	if err != nil {
		return
	}
	use(cred)
	_, _ = cred.GetToken(r.Context(), azcore.TokenRequestOptions{})
}

func withOptions(w http.ResponseWriter, r *http.Request) {
	cred, _ := azidentity.NewDefaultAzureCredential(&azidentity.DefaultAzureCredentialOptions{TenantID: "t"}) // want `os\.Getenv\("AZURE_CLIENT_SECRET"\) reads a credential`
	use(cred)
}

func environment(w http.ResponseWriter, r *http.Request) {
	_, _ = azidentity.NewEnvironmentCredential(nil) // want `os\.Getenv\("AZURE_CLIENT_SECRET"\) reads a credential.*azureenv\.NewEnvironmentCredential`
}

// concrete keeps the SDK's type: the wrapper's interface would not compile
// there, so the message alone.
func concrete(w http.ResponseWriter, r *http.Request) {
	cred, _ := azidentity.NewDefaultAzureCredential(nil) // want `os\.Getenv\("AZURE_CLIENT_SECRET"\) reads a credential.*no automatic fix`
	keep(cred)
}

func keep(*azidentity.DefaultAzureCredential) {}

// tenant calls a method the wrapper's interface lacks: no fix.
func tenant(w http.ResponseWriter, r *http.Request) {
	cred, _ := azidentity.NewDefaultAzureCredential(nil) // want `os\.Getenv\("AZURE_CLIENT_SECRET"\) reads a credential.*no automatic fix`
	_ = cred.Tenant()
}

// credential has no context; its only caller has one, so the fix threads
// it.
func credential() (azcore.TokenCredential, error) {
	cred, err := azidentity.NewDefaultAzureCredential(nil) // want `os\.Getenv\("AZURE_CLIENT_SECRET"\) reads a credential`
	if err != nil {
		return nil, err
	}
	return cred, nil
}

func threaded(w http.ResponseWriter, r *http.Request) {
	_, _ = credential()
}

// Credential is exported and has no context: its callers get the message
// alone.
func Credential() (azcore.TokenCredential, error) {
	return azidentity.NewDefaultAzureCredential(nil)
}

func noContext(w http.ResponseWriter, r *http.Request) {
	_, _ = Credential() // want `os\.Getenv\("AZURE_CLIENT_SECRET"\) reads a credential.*no automatic fix`
}

func fixed(w http.ResponseWriter, r *http.Request) {
	cred, _ := azureenv.NewDefaultAzureCredential(r.Context(), nil) // not reported: the adapter supplies the AZURE_* credentials
	use(cred)
}

func main() {
	http.HandleFunc("/plain", plain)
	http.HandleFunc("/options", withOptions)
	http.HandleFunc("/environment", environment)
	http.HandleFunc("/concrete", concrete)
	http.HandleFunc("/tenant", tenant)
	http.HandleFunc("/threaded", threaded)
	http.HandleFunc("/nocontext", noContext)
	http.HandleFunc("/fixed", fixed)
	_ = context.Background
}
