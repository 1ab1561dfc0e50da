package azureenv_test

import (
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/credlint/credlint/profileenv/azureenv"
)

// A handler behind profileenv.Middleware builds its credential with the
// request's profile; without a profile it is the SDK's
// DefaultAzureCredential, built from the process environment as always.
func ExampleNewDefaultAzureCredential() {
	_ = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cred, err := azureenv.NewDefaultAzureCredential(r.Context(), nil)
		if err != nil {
			http.Error(w, "no Azure credential", http.StatusInternalServerError)
			return
		}
		_, _ = cred.GetToken(r.Context(), policy.TokenRequestOptions{Scopes: []string{"https://management.azure.com/.default"}})
	})
}
