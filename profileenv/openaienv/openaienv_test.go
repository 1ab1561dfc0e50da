package openaienv_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/credlint/credlint/profileenv"
	"github.com/credlint/credlint/profileenv/openaienv"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

// fakeAPI is a local OpenAI API that records the headers of each request.
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
		w.Write([]byte(`{"object":"list","data":[]}`))
	}))
	t.Cleanup(f.Close)
	return f
}

// last returns the headers of the last request, failing if there was none.
func (f *fakeAPI) last(t *testing.T) http.Header {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.seen) == 0 {
		t.Fatalf("no request reached %s", f.URL)
	}
	return f.seen[len(f.seen)-1]
}

// listModels builds a client from opts, as a handler would, and makes one
// request with it.
func listModels(t *testing.T, opts ...option.RequestOption) {
	t.Helper()
	client := openai.NewClient(append(opts, option.WithMaxRetries(0))...)
	if _, err := client.Models.List(context.Background()); err != nil {
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
// profile: the default tenant's key and endpoint.
func setProcessEnv(t *testing.T, api *fakeAPI) {
	t.Setenv("OPENAI_BASE_URL", api.URL)
	t.Setenv("OPENAI_API_KEY", "sk-process")
	t.Setenv("OPENAI_ORG_ID", "org-process")
	t.Setenv("OPENAI_PROJECT_ID", "proj-process")
	t.Setenv("OPENAI_ADMIN_KEY", "")
	t.Setenv("OPENAI_WEBHOOK_SECRET", "")
	t.Setenv("OPENAI_CUSTOM_HEADERS", "X-Process: yes")
}

func TestNoProfileIsTheProcessEnvironment(t *testing.T) {
	api := newFakeAPI(t)
	setProcessEnv(t, api)
	opts := []option.RequestOption{option.WithHeader("X-Caller", "1")}
	got := openaienv.With(context.Background(), opts...)
	if len(got) != 1 || &got[0] != &opts[0] {
		t.Fatalf("With without a profile: got %d options, want the caller's slice", len(got))
	}
	if got := openaienv.With(context.Background()); got != nil {
		t.Errorf("With(ctx) without a profile = %v, want nil", got)
	}
	listModels(t, got...)
	h := api.last(t)
	want := map[string]string{"Authorization": "Bearer sk-process", "Openai-Organization": "org-process",
		"Openai-Project": "proj-process", "X-Process": "yes", "X-Caller": "1"}
	assertHeaders(t, h, want)
}

func TestProfileValuesWin(t *testing.T) {
	process, tenant := newFakeAPI(t), newFakeAPI(t)
	setProcessEnv(t, process)
	ctx := withProfile(t, map[string]string{
		"OPENAI_BASE_URL":       tenant.URL,
		"OPENAI_API_KEY":        "sk-tenant",
		"OPENAI_ORG_ID":         "org-tenant",
		"OPENAI_PROJECT_ID":     "proj-tenant",
		"OPENAI_CUSTOM_HEADERS": "X-Tenant: a\nX-Other: b",
	})
	listModels(t, openaienv.With(ctx)...)
	assertHeaders(t, tenant.last(t), map[string]string{"Authorization": "Bearer sk-tenant",
		"Openai-Organization": "org-tenant", "Openai-Project": "proj-tenant",
		"X-Tenant": "a", "X-Other": "b", "X-Process": ""})
	if len(process.seen) != 0 {
		t.Errorf("the process environment's base URL got %d requests", len(process.seen))
	}
}

// TestCredentialsDoNotFallBack: a profile without OPENAI_API_KEY must not
// get the process's key (profileenv's rule for credential keys), while the
// settings that fall back (base URL, organization) are the process's.
func TestCredentialsDoNotFallBack(t *testing.T) {
	api := newFakeAPI(t)
	setProcessEnv(t, api)
	ctx := withProfile(t, map[string]string{"OPENAI_PROJECT_ID": "proj-tenant"})
	listModels(t, openaienv.With(ctx)...)
	assertHeaders(t, api.last(t), map[string]string{"Authorization": "",
		"Openai-Organization": "org-process", "Openai-Project": "proj-tenant", "X-Process": "yes"})
}

// TestEmptyValueIsUnset: an empty OPENAI_ORG_ID in the profile sends no
// OpenAI-Organization header, where option.WithOrganization("") would send
// an empty one.
func TestEmptyValueIsUnset(t *testing.T) {
	api := newFakeAPI(t)
	setProcessEnv(t, api)
	ctx := withProfile(t, map[string]string{"OPENAI_ORG_ID": "", "OPENAI_API_KEY": "sk-tenant"})
	listModels(t, openaienv.With(ctx)...)
	h := api.last(t)
	if _, ok := h["Openai-Organization"]; ok {
		t.Errorf("OpenAI-Organization sent as %q, want no header", h.Get("Openai-Organization"))
	}
	assertHeaders(t, h, map[string]string{"Authorization": "Bearer sk-tenant"})
}

func TestCallerOptionsWin(t *testing.T) {
	api := newFakeAPI(t)
	setProcessEnv(t, api)
	ctx := withProfile(t, map[string]string{"OPENAI_API_KEY": "sk-tenant", "OPENAI_ORG_ID": "org-tenant"})
	listModels(t, openaienv.With(ctx, option.WithAPIKey("sk-explicit"))...)
	assertHeaders(t, api.last(t), map[string]string{"Authorization": "Bearer sk-explicit",
		"Openai-Organization": "org-tenant"})
}

// TestKeyPreferenceAsFromEnvironment: of the API key and the admin key,
// the client built from a profile sends the one it sends when the same
// values are the process environment's, including when the profile resets
// the process's admin key.
func TestKeyPreferenceAsFromEnvironment(t *testing.T) {
	api := newFakeAPI(t)
	for _, vars := range []map[string]string{
		{"OPENAI_API_KEY": "sk-tenant", "OPENAI_ADMIN_KEY": "admin-tenant"},
		{"OPENAI_API_KEY": "sk-tenant"},
		{"OPENAI_ADMIN_KEY": "admin-tenant"},
	} {
		setProcessEnv(t, api)
		t.Setenv("OPENAI_ADMIN_KEY", "admin-process")
		listModels(t, openaienv.With(withProfile(t, vars))...)
		got := api.last(t).Get("Authorization")
		for _, k := range []string{"OPENAI_API_KEY", "OPENAI_ADMIN_KEY"} {
			t.Setenv(k, vars[k])
			if _, ok := vars[k]; !ok {
				unsetenv(t, k)
			}
		}
		listModels(t)
		if want := api.last(t).Get("Authorization"); got != want {
			t.Errorf("profile %v: Authorization %q, want %q as from the environment", vars, got, want)
		}
	}
}

// TestNoFallbackResetsBaseURL: under NoFallback the process's
// OPENAI_BASE_URL is hidden, and the client goes where it goes with the
// variable unset. A transport records the URL instead of reaching it.
func TestNoFallbackResetsBaseURL(t *testing.T) {
	api := newFakeAPI(t)
	setProcessEnv(t, api)
	var unsetURL, resetURL string
	record := func(dst *string) option.RequestOption {
		return option.WithHTTPClient(&http.Client{Transport: roundTrip(func(r *http.Request) (*http.Response, error) {
			*dst = r.URL.Scheme + "://" + r.URL.Host + r.URL.Path
			return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
				Body: io.NopCloser(strings.NewReader(`{"object":"list","data":[]}`)), Request: r}, nil
		})})
	}
	ctx := withProfile(t, map[string]string{"OPENAI_API_KEY": "sk-tenant"}, profileenv.NoFallback())
	listModels(t, openaienv.With(ctx, record(&resetURL))...)
	t.Setenv("OPENAI_BASE_URL", "")
	unsetenv(t, "OPENAI_BASE_URL")
	listModels(t, record(&unsetURL))
	if resetURL == "" || resetURL != unsetURL {
		t.Errorf("with the profile hiding OPENAI_BASE_URL the request went to %q, want %q as with it unset", resetURL, unsetURL)
	}
}

// TestWebhookSecret: the profile's webhook secret verifies a payload
// signed with it, and the process's does not.
func TestWebhookSecret(t *testing.T) {
	api := newFakeAPI(t)
	setProcessEnv(t, api)
	t.Setenv("OPENAI_WEBHOOK_SECRET", "process-secret")
	body := []byte(`{"id":"evt_1","type":"response.completed","created_at":1,"data":{"id":"resp_1"}}`)
	headers := signWebhook(body, "tenant-secret")
	ctx := withProfile(t, map[string]string{"OPENAI_WEBHOOK_SECRET": "tenant-secret"})
	client := openai.NewClient(openaienv.With(ctx)...)
	if err := client.Webhooks.VerifySignature(body, headers); err != nil {
		t.Errorf("the profile's secret does not verify its signature: %v", err)
	}
	plain := openai.NewClient()
	if err := plain.Webhooks.VerifySignature(body, headers); err == nil {
		t.Error("the process's secret verified the tenant's signature: the test proves nothing")
	}
	hidden := openai.NewClient(openaienv.With(withProfile(t, map[string]string{}))...)
	if err := hidden.Webhooks.VerifySignature(body, signWebhook(body, "process-secret")); err == nil {
		t.Error("a profile without OPENAI_WEBHOOK_SECRET verified with the process's secret")
	}
}

func signWebhook(body []byte, secret string) http.Header {
	id, ts := "wh_1", strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(id + "." + ts + "." + string(body)))
	return http.Header{"Webhook-Id": {id}, "Webhook-Timestamp": {ts},
		"Webhook-Signature": {"v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))}}
}

type roundTrip func(*http.Request) (*http.Response, error)

func (f roundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// assertHeaders checks each header of want; "" means absent or empty.
func assertHeaders(t *testing.T, h http.Header, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if got := h.Get(k); got != v {
			t.Errorf("header %s = %q, want %q", k, got, v)
		}
	}
}
