// Package option is a minimal stub of github.com/openai/openai-go/v3/option
// for credlint's tests.
package option

type RequestConfig struct {
	APIKey, AdminAPIKey, Organization, Project, BaseURL, WebhookSecret string
}

type RequestOption func(*RequestConfig) error

func WithAPIKey(key string) RequestOption {
	return func(c *RequestConfig) error { c.APIKey = key; return nil }
}

func WithOrganization(v string) RequestOption {
	return func(c *RequestConfig) error { c.Organization = v; return nil }
}

func WithProject(v string) RequestOption {
	return func(c *RequestConfig) error { c.Project = v; return nil }
}

func WithBaseURL(v string) RequestOption {
	return func(c *RequestConfig) error { c.BaseURL = v; return nil }
}

func WithAdminAPIKey(key string) RequestOption {
	return func(c *RequestConfig) error { c.AdminAPIKey = key; return nil }
}

func WithWebhookSecret(v string) RequestOption {
	return func(c *RequestConfig) error { c.WebhookSecret = v; return nil }
}
