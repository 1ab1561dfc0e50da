// Package option is a minimal stub of
// github.com/anthropics/anthropic-sdk-go/v2/option for credlint's tests.
package option

type RequestConfig struct {
	APIKey, AuthToken, BaseURL, WebhookKey string
	credential                             bool
}

type RequestOption func(*RequestConfig) error

func WithAPIKey(v string) RequestOption {
	return func(c *RequestConfig) error { c.APIKey, c.credential = v, true; return nil }
}

func WithAuthToken(v string) RequestOption {
	return func(c *RequestConfig) error { c.AuthToken, c.credential = v, true; return nil }
}

func WithBaseURL(v string) RequestOption {
	return func(c *RequestConfig) error { c.BaseURL = v; return nil }
}

func WithWebhookKey(v string) RequestOption {
	return func(c *RequestConfig) error { c.WebhookKey = v; return nil }
}

// HasCredential reports whether opts give a credential (the real SDK's
// requestconfig.HasCredentialOption).
func HasCredential(opts []RequestOption) bool {
	var c RequestConfig
	for _, o := range opts {
		o(&c)
	}
	return c.credential
}
