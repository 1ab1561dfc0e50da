// Package sdkdot imports azidentity with a dot: wrapping the call could
// leave the import unused, so the finding gets no fix.
package sdkdot

import (
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	. "github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

func use(azcore.TokenCredential) {}

func handle(w http.ResponseWriter, r *http.Request) {
	cred, _ := NewDefaultAzureCredential(nil) // want `os\.Getenv\("AZURE_CLIENT_SECRET"\) reads a credential.*no automatic fix`
	use(cred)
}

func main() {
	http.HandleFunc("/", handle)
}
