package googleenv

import (
	"net/http"
	"testing"

	"golang.org/x/oauth2"
	"google.golang.org/api/option"
)

// TestProbe: every credential option of the SDK is recognised as one, and
// WithHTTPClient as an HTTP client, so the field names stay in step with
// the SDK's settings.
func TestProbe(t *testing.T) {
	credentials := map[string]option.ClientOption{
		"WithAPIKey":              option.WithAPIKey("k"),
		"WithTokenSource":         option.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "t"})),
		"WithCredentialsFile":     option.WithCredentialsFile("f"),
		"WithCredentialsJSON":     option.WithCredentialsJSON([]byte("{}")),
		"WithAuthCredentialsFile": option.WithAuthCredentialsFile(option.ServiceAccount, "f"),
		"WithAuthCredentialsJSON": option.WithAuthCredentialsJSON(option.ServiceAccount, []byte("{}")),
		"WithoutAuthentication":   option.WithoutAuthentication(),
	}
	for name, o := range credentials {
		if s := probe([]option.ClientOption{option.WithUserAgent("x"), o}); !s.credentials || s.httpClient {
			t.Errorf("%s: probe says %+v, want credentials only", name, s)
		}
	}
	if s := probe([]option.ClientOption{option.WithHTTPClient(http.DefaultClient)}); s.credentials || !s.httpClient {
		t.Errorf("WithHTTPClient: probe says %+v, want an HTTP client only", s)
	}
	if s := probe([]option.ClientOption{nil, option.WithEndpoint("http://x"), option.WithQuotaProject("q")}); s != (callerSettings{}) {
		t.Errorf("options without credentials: probe says %+v", s)
	}
}
