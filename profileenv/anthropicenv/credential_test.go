package anthropicenv

import (
	"context"
	"testing"

	"github.com/anthropics/anthropic-sdk-go/v2/option"
)

// TestHasCredential: every credential option of the SDK is recognised,
// alone or inside option.Join, and no other option is.
func TestHasCredential(t *testing.T) {
	token := func(context.Context) (string, error) { return "jwt", nil }
	credentials := map[string]option.RequestOption{
		"WithAPIKey":    option.WithAPIKey("k"),
		"WithAuthToken": option.WithAuthToken("t"),
		"WithFederationTokenProvider": option.WithFederationTokenProvider(token,
			option.FederationOptions{FederationRuleID: "fdrl_1", OrganizationID: "org_1"}),
		"Join(WithAuthToken)":    option.Join(option.WithHeader("X", "1"), option.WithAuthToken("t")),
		"Join(Join(WithAPIKey))": option.Join(option.Join(option.WithAPIKey("k"))),
	}
	for name, o := range credentials {
		if !hasCredential([]option.RequestOption{option.WithMaxRetries(1), o}) {
			t.Errorf("%s is not recognised as a credential option", name)
		}
	}
	others := []option.RequestOption{nil, option.WithBaseURL("http://x/"), option.WithHeader("X", "1"),
		option.WithoutEnvironmentDefaults(), option.Join(option.WithHeader("X", "1"))}
	if hasCredential(others) {
		t.Error("an option that is not a credential is recognised as one")
	}
}
