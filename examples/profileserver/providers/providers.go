// Package providers reports which model providers the process has
// credentials for. Like many SDKs, its functions take a context.Context
// (for the providers' API calls), but it knows only one place to look for
// an API key: the process environment.
package providers

import (
	"context"
	"os"
)

// Provider is a model provider and whether an API key for it is set.
type Provider struct {
	Name          string `json:"name"`
	Authenticated bool   `json:"authenticated"`
}

// catalog lists the models of each provider.
var catalog = map[string][]string{
	"openai":    {"gpt-4o", "gpt-4o-mini"},
	"anthropic": {"claude-sonnet", "claude-haiku"},
	"mistral":   {"mistral-large", "mistral-small"},
}

// Status reports, for every provider, whether its API key is set.
func Status(ctx context.Context) []Provider {
	return []Provider{
		{Name: "openai", Authenticated: lookup("OPENAI_API_KEY") != ""},
		{Name: "anthropic", Authenticated: lookup("ANTHROPIC_API_KEY") != ""},
		{Name: "mistral", Authenticated: os.Getenv("MISTRAL_API_KEY") != ""},
	}
}

// Models lists the models of every provider whose API key is set.
func Models(ctx context.Context) []string {
	var models []string
	for _, p := range Status(ctx) {
		if p.Authenticated {
			models = append(models, catalog[p.Name]...)
		}
	}
	return models
}

// lookup returns the value of the environment variable name, or "" if it
// is unset.
func lookup(name string) string { return os.Getenv(name) }
