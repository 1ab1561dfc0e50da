package openaienv

import (
	"context"
	"os"
	"strings"

	"github.com/credlint/credlint/profileenv"
	"github.com/credlint/credlint/profileenv/internal/adapt"
	"github.com/openai/openai-go/v3/option"
)

// productionBaseURL is the base URL openai-go uses when OPENAI_BASE_URL is
// unset (option.WithEnvironmentProduction). It is only a default, which a
// base URL already read from the process environment overrides, so a reset
// has to pass it with WithBaseURL. A test checks it against the SDK.
const productionBaseURL = "https://api.openai.com/v1/"

// With returns the options that give openai.NewClient (or any service
// constructor of openai-go) the profile attached to ctx, followed by opts.
// With no profile in ctx it returns opts unchanged. See the package
// documentation for what it passes and why the caller's opts win.
func With(ctx context.Context, opts ...option.RequestOption) []option.RequestOption {
	env, ok := profileenv.FromContext(ctx)
	if !ok {
		return opts
	}
	return append(profileOptions(env), opts...)
}

// profileOptions returns the profile's options: first the resets, then the
// values in the order DefaultClientOptions applies them, so that of the API
// key and the admin key the preferred one is the one the SDK would prefer.
func profileOptions(env profileenv.Env) []option.RequestOption {
	vars := env.Vars()
	var resets, sets []option.RequestOption
	add := func(key string, set func(string) []option.RequestOption, reset []option.RequestOption) {
		switch v, a := adapt.Decide(env, vars, key); a {
		case adapt.Set:
			sets = append(sets, set(v)...)
		case adapt.Reset:
			resets = append(resets, reset...)
		}
	}
	add("OPENAI_BASE_URL", one(option.WithBaseURL), []option.RequestOption{option.WithBaseURL(productionBaseURL)})
	add("OPENAI_API_KEY", one(option.WithAPIKey), []option.RequestOption{option.WithAPIKey("")})
	add("OPENAI_ADMIN_KEY", one(option.WithAdminAPIKey), []option.RequestOption{option.WithAdminAPIKey("")})
	add("OPENAI_ORG_ID", one(option.WithOrganization), []option.RequestOption{
		option.WithOrganization(""), option.WithHeaderDel("OpenAI-Organization")})
	add("OPENAI_PROJECT_ID", one(option.WithProject), []option.RequestOption{
		option.WithProject(""), option.WithHeaderDel("OpenAI-Project")})
	add("OPENAI_WEBHOOK_SECRET", func(v string) []option.RequestOption {
		return []option.RequestOption{option.WithWebhookSecret(v)}
	}, []option.RequestOption{option.WithWebhookSecret("")})
	customHeaders(env, vars, &resets, &sets)
	return append(resets, sets...)
}

// customHeaders handles OPENAI_CUSTOM_HEADERS, which adds headers rather
// than setting one value: when the profile's view differs from the process
// environment's, the process's headers are deleted before the profile's
// are set, so the client carries the profile's headers only.
func customHeaders(env profileenv.Env, vars map[string]string, resets, sets *[]option.RequestOption) {
	const key = "OPENAI_CUSTOM_HEADERS"
	v, a := adapt.Decide(env, vars, key)
	if a == adapt.Keep {
		return
	}
	for _, h := range parseHeaders(os.Getenv(key)) {
		*resets = append(*resets, option.WithHeaderDel(h[0]))
	}
	if a == adapt.Set {
		for _, h := range parseHeaders(v) {
			*sets = append(*sets, option.WithHeader(h[0], h[1]))
		}
	}
}

// parseHeaders parses OPENAI_CUSTOM_HEADERS as DefaultClientOptions does:
// one "Name: value" per line, both trimmed; lines without ':' are ignored.
func parseHeaders(s string) [][2]string {
	var out [][2]string
	for line := range strings.SplitSeq(s, "\n") {
		if name, value, ok := strings.Cut(line, ":"); ok {
			out = append(out, [2]string{strings.TrimSpace(name), strings.TrimSpace(value)})
		}
	}
	return out
}

func one[O any](f func(string) O) func(string) []O {
	return func(v string) []O { return []O{f(v)} }
}
