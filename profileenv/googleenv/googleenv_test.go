package googleenv_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/credlint/credlint/profileenv"
	"github.com/credlint/credlint/profileenv/googleenv"
	"google.golang.org/api/option"
	storage "google.golang.org/api/storage/v1"
)

// fakeGoogle is a local OAuth token endpoint and storage API. It records,
// for each API request, the service account its token was issued to (the
// "iss" of the signed assertion in the token request body, or of a
// self-signed JWT), "" for a request without a token.
type fakeGoogle struct {
	*httptest.Server
	mu      sync.Mutex
	callers []string
}

func newFakeGoogle(t *testing.T) *fakeGoogle {
	f := &fakeGoogle{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/token" {
			r.ParseForm()
			json.NewEncoder(w).Encode(map[string]any{"access_token": "at:" + issuer(r.Form.Get("assertion")),
				"token_type": "Bearer", "expires_in": 3600})
			return
		}
		token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		caller, ok := strings.CutPrefix(token, "at:")
		if !ok {
			caller = issuer(token)
		}
		f.mu.Lock()
		f.callers = append(f.callers, caller)
		f.mu.Unlock()
		w.Write([]byte(`{"kind":"storage#bucket","name":"b"}`))
	}))
	t.Cleanup(f.Close)
	return f
}

// issuer returns the "iss" claim of a JWT, without checking it.
func issuer(jwt string) string {
	parts := strings.Split(jwt, ".")
	if len(parts) != 3 {
		return ""
	}
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	var claims struct{ Iss string }
	json.Unmarshal(payload, &claims)
	return claims.Iss
}

// getBucket builds a storage service from opts, as a handler would, makes
// one request and returns whom it was authenticated as.
func (f *fakeGoogle) getBucket(t *testing.T, opts ...option.ClientOption) string {
	t.Helper()
	opts = append(opts, option.WithEndpoint(f.URL+"/storage/v1/"))
	svc, err := storage.NewService(context.Background(), opts...)
	if err != nil {
		t.Fatalf("NewService: %v", err)
	}
	if _, err := svc.Buckets.Get("b").Do(); err != nil {
		t.Fatalf("Buckets.Get: %v", err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.callers[len(f.callers)-1]
}

var (
	keyOnce sync.Once
	keyPEM  []byte
)

// serviceAccountFile writes a service account key file for email whose
// tokens come from f, and returns its name.
func (f *fakeGoogle) serviceAccountFile(t *testing.T, email string) string {
	t.Helper()
	keyOnce.Do(func() {
		key, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic(err)
		}
		der, _ := x509.MarshalPKCS8PrivateKey(key)
		keyPEM = pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
	})
	b, _ := json.Marshal(map[string]string{"type": "service_account", "client_email": email,
		"private_key": string(keyPEM), "private_key_id": "k1", "token_uri": f.URL + "/token", "project_id": "p"})
	name := filepath.Join(t.TempDir(), "sa.json")
	if err := os.WriteFile(name, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return name
}

func withProfile(t *testing.T, vars map[string]string) context.Context {
	t.Helper()
	env, err := profileenv.New(vars)
	if err != nil {
		t.Fatal(err)
	}
	return profileenv.WithEnv(context.Background(), env)
}

func setProcessEnv(t *testing.T, api *fakeGoogle) {
	t.Setenv("GOOGLE_APPLICATION_CREDENTIALS", api.serviceAccountFile(t, "process@p.iam.gserviceaccount.com"))
	t.Setenv("HOME", t.TempDir()) // no well-known gcloud file
	t.Setenv("NO_GCE_CHECK", "True")
	for _, k := range []string{"GOOGLE_CLOUD_UNIVERSE_DOMAIN", "GOOGLE_CLOUD_QUOTA_PROJECT"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
}

func TestNoProfileIsTheProcessEnvironment(t *testing.T) {
	api := newFakeGoogle(t)
	setProcessEnv(t, api)
	opts := []option.ClientOption{option.WithUserAgent("x")}
	got := googleenv.With(context.Background(), opts...)
	if len(got) != 1 || &got[0] != &opts[0] {
		t.Fatalf("With without a profile: got %d options, want the caller's slice", len(got))
	}
	if who := api.getBucket(t, got...); who != "process@p.iam.gserviceaccount.com" {
		t.Errorf("authenticated as %q, want the process's service account", who)
	}
}

func TestProfileCredentialsWin(t *testing.T) {
	api := newFakeGoogle(t)
	setProcessEnv(t, api)
	ctx := withProfile(t, map[string]string{"GOOGLE_APPLICATION_CREDENTIALS": api.serviceAccountFile(t, "tenant@p.iam.gserviceaccount.com")})
	if who := api.getBucket(t, googleenv.With(ctx)...); who != "tenant@p.iam.gserviceaccount.com" {
		t.Errorf("authenticated as %q, want the profile's service account", who)
	}
}

// TestCredentialsDoNotFallBack: a profile without a credentials file must
// not authenticate with the process's.
func TestCredentialsDoNotFallBack(t *testing.T) {
	api := newFakeGoogle(t)
	setProcessEnv(t, api)
	if who := api.getBucket(t, googleenv.With(withProfile(t, map[string]string{}))...); who != "" {
		t.Errorf("authenticated as %q, want an unauthenticated request", who)
	}
}

// TestCallerCredentialsWin: credentials the caller passes are the client's;
// the SDK would refuse the client if With added a second credential option.
func TestCallerCredentialsWin(t *testing.T) {
	api := newFakeGoogle(t)
	setProcessEnv(t, api)
	explicit := api.serviceAccountFile(t, "explicit@p.iam.gserviceaccount.com")
	tenant := withProfile(t, map[string]string{"GOOGLE_APPLICATION_CREDENTIALS": api.serviceAccountFile(t, "tenant@p.iam.gserviceaccount.com")})
	if who := api.getBucket(t, googleenv.With(tenant, option.WithAuthCredentialsFile(option.ServiceAccount, explicit))...); who != "explicit@p.iam.gserviceaccount.com" {
		t.Errorf("authenticated as %q, want the caller's service account", who)
	}
	empty := withProfile(t, map[string]string{})
	if who := api.getBucket(t, googleenv.With(empty, option.WithAuthCredentialsFile(option.ServiceAccount, explicit))...); who != "explicit@p.iam.gserviceaccount.com" {
		t.Errorf("authenticated as %q with a profile hiding the process's file, want the caller's service account", who)
	}
}
