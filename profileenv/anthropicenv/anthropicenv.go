package anthropicenv

import (
	"context"
	"os"
	"strings"

	"github.com/anthropics/anthropic-sdk-go/v2/option"
	"github.com/credlint/credlint/profileenv"
	"github.com/credlint/credlint/profileenv/internal/adapt"
)

// productionBaseURL is the base URL anthropic-sdk-go uses when
// ANTHROPIC_BASE_URL is unset (option.WithEnvironmentProduction). It is
// only a default, which a base URL read from the process environment
// overrides, so a reset passes it with WithBaseURL. A test checks it
// against the SDK.
const productionBaseURL = "https://api.anthropic.com/"

const (
	keyAPIKey    = "ANTHROPIC_API_KEY"
	keyAuthToken = "ANTHROPIC_AUTH_TOKEN"
	keyBaseURL   = "ANTHROPIC_BASE_URL"
	keyWebhook   = "ANTHROPIC_WEBHOOK_SIGNING_KEY"
	keyHeaders   = "ANTHROPIC_CUSTOM_HEADERS"
)

// With returns the options that give anthropic.NewClient the profile
// attached to ctx, followed by opts. With no profile in ctx it returns opts
// unchanged. See the package documentation for what it passes and why the
// caller's opts win.
func With(ctx context.Context, opts ...option.RequestOption) []option.RequestOption {
	env, ok := profileenv.FromContext(ctx)
	if !ok {
		return opts
	}
	return append(profileOptions(env, hasCredential(opts)), opts...)
}

// profileOptions returns the profile's options; callerCredential says that
// the caller's options hold a credential option, which then is the client's.
func profileOptions(env profileenv.Env, callerCredential bool) []option.RequestOption {
	if !callerCredential {
		key, _ := env.LookupEnv(keyAPIKey)
		token, _ := env.LookupEnv(keyAuthToken)
		switch {
		case key != "":
			return append(settings(env), option.WithAPIKey(key))
		case token != "":
			return append(settings(env), option.WithAuthToken(token))
		case os.Getenv(keyAPIKey) != "" || os.Getenv(keyAuthToken) != "":
			return withoutEnvironment(env)
		}
	}
	return settings(env)
}

// settings returns the options for the variables other than the
// credentials: resets first, then the profile's values.
func settings(env profileenv.Env) []option.RequestOption {
	vars := env.Vars()
	var resets, sets []option.RequestOption
	switch v, a := adapt.Decide(env, vars, keyBaseURL); a {
	case adapt.Set:
		sets = append(sets, option.WithBaseURL(v))
	case adapt.Reset:
		resets = append(resets, option.WithBaseURL(productionBaseURL))
	}
	switch v, a := adapt.Decide(env, vars, keyWebhook); a {
	case adapt.Set:
		sets = append(sets, option.WithWebhookKey(v))
	case adapt.Reset:
		resets = append(resets, option.WithWebhookKey(""))
	}
	if v, a := adapt.Decide(env, vars, keyHeaders); a != adapt.Keep {
		for _, h := range parseHeaders(os.Getenv(keyHeaders)) {
			resets = append(resets, option.WithHeaderDel(h[0]))
		}
		sets = append(sets, headers(v)...)
	}
	return append(resets, sets...)
}

// withoutEnvironment returns the options that keep the process's
// credential from the client: WithoutEnvironmentDefaults, and so every
// other setting the environment supplied, from the profile's view.
func withoutEnvironment(env profileenv.Env) []option.RequestOption {
	opts := []option.RequestOption{option.WithoutEnvironmentDefaults()}
	if v, _ := env.LookupEnv(keyBaseURL); v != "" {
		opts = append(opts, option.WithBaseURL(v))
	}
	if v, _ := env.LookupEnv(keyWebhook); v != "" {
		opts = append(opts, option.WithWebhookKey(v))
	}
	v, _ := env.LookupEnv(keyHeaders)
	return append(opts, headers(v)...)
}

func headers(s string) []option.RequestOption {
	var opts []option.RequestOption
	for _, h := range parseHeaders(s) {
		opts = append(opts, option.WithHeader(h[0], h[1]))
	}
	return opts
}

// parseHeaders parses ANTHROPIC_CUSTOM_HEADERS as DefaultClientOptions
// does: one "Name: value" per line, both trimmed; lines without ':' are
// ignored.
func parseHeaders(s string) [][2]string {
	var out [][2]string
	for line := range strings.SplitSeq(s, "\n") {
		if name, value, ok := strings.Cut(line, ":"); ok {
			out = append(out, [2]string{strings.TrimSpace(name), strings.TrimSpace(value)})
		}
	}
	return out
}
