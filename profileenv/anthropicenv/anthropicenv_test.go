package anthropicenv_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/anthropics/anthropic-sdk-go/v2"
	"github.com/anthropics/anthropic-sdk-go/v2/option"
	"github.com/credlint/credlint/profileenv"
	"github.com/credlint/credlint/profileenv/anthropicenv"
)

const listBody = `{"data":[],"has_more":false,"first_id":null,"last_id":null}`

// fakeAPI is a local Anthropic API that records the headers of each request.
type fakeAPI struct {
	*httptest.Server
	mu   sync.Mutex
	seen []http.Header
}

func newFakeAPI(t *testing.T) *fakeAPI {
	f := &fakeAPI{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.seen = append(f.seen, r.Header.Clone())
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, listBody)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeAPI) last(t *testing.T) http.Header {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.seen) == 0 {
		t.Fatalf("no request reached %s", f.URL)
	}
	return f.seen[len(f.seen)-1]
}

// credential is what a request authenticated with: either header.
func credential(h http.Header) string {
	return strings.TrimPrefix(h.Get("X-Api-Key")+h.Get("Authorization"), "Bearer ")
}

// listModels builds a client from opts, as a handler would, and makes one
// request with it.
func listModels(t *testing.T, opts ...option.RequestOption) error {
	t.Helper()
	client := anthropic.NewClient(append(opts, option.WithMaxRetries(0))...)
	_, err := client.Models.List(context.Background(), anthropic.ModelListParams{})
	return err
}

func mustList(t *testing.T, opts ...option.RequestOption) {
	t.Helper()
	if err := listModels(t, opts...); err != nil {
		t.Fatalf("Models.List: %v", err)
	}
}

func withProfile(t *testing.T, vars map[string]string, opts ...profileenv.Option) context.Context {
	t.Helper()
	env, err := profileenv.New(vars, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return profileenv.WithEnv(context.Background(), env)
}

// setProcessEnv sets the process environment a server has before any
// profile, and an empty config directory so no profile on disk is read.
func setProcessEnv(t *testing.T, api *fakeAPI) {
	t.Setenv("ANTHROPIC_CONFIG_DIR", t.TempDir())
	t.Setenv("ANTHROPIC_BASE_URL", api.URL)
	t.Setenv("ANTHROPIC_API_KEY", "sk-ant-process")
	t.Setenv("ANTHROPIC_AUTH_TOKEN", "")
	t.Setenv("ANTHROPIC_CUSTOM_HEADERS", "X-Process: yes")
	for _, k := range []string{"ANTHROPIC_PROFILE", "ANTHROPIC_FEDERATION_RULE_ID", "ANTHROPIC_ORGANIZATION_ID",
		"ANTHROPIC_IDENTITY_TOKEN_FILE", "ANTHROPIC_IDENTITY_TOKEN"} {
		t.Setenv(k, "")
		unsetenv(t, k)
	}
}

func unsetenv(t *testing.T, key string) {
	t.Helper()
	if err := os.Unsetenv(key); err != nil {
		t.Fatal(err)
	}
}

func TestNoProfileIsTheProcessEnvironment(t *testing.T) {
	api := newFakeAPI(t)
	setProcessEnv(t, api)
	opts := []option.RequestOption{option.WithHeader("X-Caller", "1")}
	got := anthropicenv.With(context.Background(), opts...)
	if len(got) != 1 || &got[0] != &opts[0] {
		t.Fatalf("With without a profile: got %d options, want the caller's slice", len(got))
	}
	mustList(t, got...)
	h := api.last(t)
	if c := credential(h); c != "sk-ant-process" {
		t.Errorf("credential %q, want the process's", c)
	}
	if h.Get("X-Process") != "yes" || h.Get("X-Caller") != "1" {
		t.Errorf("headers %v, want the process's custom header and the caller's", h)
	}
}

func TestProfileValuesWin(t *testing.T) {
	process, tenant := newFakeAPI(t), newFakeAPI(t)
	setProcessEnv(t, process)
	ctx := withProfile(t, map[string]string{
		"ANTHROPIC_BASE_URL":       tenant.URL,
		"ANTHROPIC_API_KEY":        "sk-ant-tenant",
		"ANTHROPIC_CUSTOM_HEADERS": "X-Tenant: a",
	})
	mustList(t, anthropicenv.With(ctx)...)
	h := tenant.last(t)
	if c := credential(h); c != "sk-ant-tenant" {
		t.Errorf("credential %q, want the profile's", c)
	}
	if h.Get("X-Tenant") != "a" || h.Get("X-Process") != "" {
		t.Errorf("custom headers X-Tenant=%q X-Process=%q, want the profile's only", h.Get("X-Tenant"), h.Get("X-Process"))
	}
	if len(process.seen) != 0 {
		t.Errorf("the process environment's base URL got %d requests", len(process.seen))
	}
}

// TestAuthTokenAsFromEnvironment: a profile with only an auth token
// authenticates with it, as the environment's chain would.
func TestAuthTokenAsFromEnvironment(t *testing.T) {
	api := newFakeAPI(t)
	setProcessEnv(t, api)
	mustList(t, anthropicenv.With(withProfile(t, map[string]string{"ANTHROPIC_AUTH_TOKEN": "tok-tenant"}))...)
	got := api.last(t)
	unsetenv(t, "ANTHROPIC_API_KEY")
	t.Setenv("ANTHROPIC_AUTH_TOKEN", "tok-tenant")
	mustList(t)
	want := api.last(t)
	if got.Get("Authorization") != want.Get("Authorization") || got.Get("X-Api-Key") != want.Get("X-Api-Key") {
		t.Errorf("with the profile: Authorization %q X-Api-Key %q; from the environment: %q %q",
			got.Get("Authorization"), got.Get("X-Api-Key"), want.Get("Authorization"), want.Get("X-Api-Key"))
	}
}

// TestCredentialsDoNotFallBack: a profile without a key or token must not
// get the process's key; its other settings still come from the process.
func TestCredentialsDoNotFallBack(t *testing.T) {
	api := newFakeAPI(t)
	setProcessEnv(t, api)
	ctx := withProfile(t, map[string]string{"ANTHROPIC_CUSTOM_HEADERS": "X-Tenant: a"})
	listModels(t, anthropicenv.With(ctx)...) // the fake accepts requests without a credential
	h := api.last(t)
	if c := credential(h); c != "" {
		t.Errorf("credential %q, want none", c)
	}
	if h.Get("X-Tenant") != "a" || h.Get("X-Process") != "" {
		t.Errorf("custom headers X-Tenant=%q X-Process=%q, want the profile's only", h.Get("X-Tenant"), h.Get("X-Process"))
	}
}

// TestCallerCredentialWins: the caller's credential option, of another kind
// than the profile's, is the client's; the SDK would fail every request if
// With added a second one.
func TestCallerCredentialWins(t *testing.T) {
	api := newFakeAPI(t)
	setProcessEnv(t, api)
	ctx := withProfile(t, map[string]string{"ANTHROPIC_API_KEY": "sk-ant-tenant"})
	for _, opt := range []option.RequestOption{
		option.WithAuthToken("tok-explicit"),
		option.Join(option.WithHeader("X-A", "1"), option.Join(option.WithAuthToken("tok-explicit"))),
	} {
		mustList(t, anthropicenv.With(ctx, opt)...)
		if c := credential(api.last(t)); c != "tok-explicit" {
			t.Errorf("credential %q, want the caller's", c)
		}
	}
	mustList(t, anthropicenv.With(ctx, option.WithBaseURL(api.URL+"/"))...)
	if c := credential(api.last(t)); c != "sk-ant-tenant" {
		t.Errorf("credential %q with a non-credential caller option, want the profile's", c)
	}
}

// TestNoFallbackResetsBaseURL: under NoFallback the process's
// ANTHROPIC_BASE_URL is hidden, and the client goes where it goes with the
// variable unset. A transport records the URL instead of reaching it.
func TestNoFallbackResetsBaseURL(t *testing.T) {
	api := newFakeAPI(t)
	setProcessEnv(t, api)
	var unsetURL, resetURL string
	record := func(dst *string) option.RequestOption {
		return option.WithHTTPClient(&http.Client{Transport: roundTrip(func(r *http.Request) (*http.Response, error) {
			*dst = r.URL.Scheme + "://" + r.URL.Host + r.URL.Path
			return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
				Body: io.NopCloser(strings.NewReader(listBody)), Request: r}, nil
		})})
	}
	ctx := withProfile(t, map[string]string{"ANTHROPIC_API_KEY": "sk-ant-tenant"}, profileenv.NoFallback())
	mustList(t, anthropicenv.With(ctx, record(&resetURL))...)
	unsetenv(t, "ANTHROPIC_BASE_URL")
	mustList(t, record(&unsetURL))
	if resetURL == "" || resetURL != unsetURL {
		t.Errorf("with the profile hiding ANTHROPIC_BASE_URL the request went to %q, want %q as with it unset", resetURL, unsetURL)
	}
}

type roundTrip func(*http.Request) (*http.Response, error)

func (f roundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
