// Package entra stands in for oauth2-proxy's providers package: the login
// callback redeems a code, authenticating the proxy itself with the
// federated token its platform mounts (and rotates) at a fixed path.
package entra

import (
	"net/url"
	"os"
)

// Redeem exchanges a login code with the proxy's own client assertion.
func Redeem(code string) (url.Values, error) {
	tok, err := os.ReadFile(os.Getenv("AZURE_FEDERATED_TOKEN_FILE"))
	if err != nil {
		return nil, err
	}
	return url.Values{"code": {code}, "client_assertion": {string(tok)}}, nil
}
