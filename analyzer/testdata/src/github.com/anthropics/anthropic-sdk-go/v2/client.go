// Package anthropic is a minimal stub of
// github.com/anthropics/anthropic-sdk-go/v2 for credlint's tests. As in
// v2.18.0, NewClient reads ANTHROPIC_BASE_URL, ANTHROPIC_WEBHOOK_SIGNING_KEY
// and, unless the caller passes a credential option, the credential chain
// (ANTHROPIC_API_KEY, ANTHROPIC_AUTH_TOKEN, ANTHROPIC_PROFILE) with
// os.LookupEnv.
package anthropic

import (
	"os"

	"github.com/anthropics/anthropic-sdk-go/v2/option"
)

type Client struct {
	Options []option.RequestOption
}

func NewClient(opts ...option.RequestOption) (r Client) {
	defaults := defaultClientOptions(!option.HasCredential(opts))
	return Client{Options: append(defaults, opts...)}
}

func defaultClientOptions(credentials bool) []option.RequestOption {
	var defaults []option.RequestOption
	if o, ok := os.LookupEnv("ANTHROPIC_BASE_URL"); ok && o != "" {
		defaults = append(defaults, option.WithBaseURL(o))
	}
	if credentials {
		defaults = append(defaults, environmentCredential())
	}
	if o, ok := os.LookupEnv("ANTHROPIC_WEBHOOK_SIGNING_KEY"); ok {
		defaults = append(defaults, option.WithWebhookKey(o))
	}
	return defaults
}

func environmentCredential() option.RequestOption {
	if v, ok := os.LookupEnv("ANTHROPIC_API_KEY"); ok && v != "" {
		return option.WithAPIKey(v)
	}
	if v, ok := os.LookupEnv("ANTHROPIC_AUTH_TOKEN"); ok && v != "" {
		return option.WithAuthToken(v)
	}
	if p, ok := os.LookupEnv("ANTHROPIC_PROFILE"); ok && p != "" {
		return option.WithAuthToken(p)
	}
	return nil
}
