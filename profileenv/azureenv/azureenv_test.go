package azureenv_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/credlint/credlint/profileenv"
	"github.com/credlint/credlint/profileenv/azureenv"
)

// fakeEntra is a local Microsoft Entra authority. It records the
// credential each token request carried: the client ID, and the client
// secret or "assertion" for a signed client assertion, or the federated
// token.
type fakeEntra struct {
	*httptest.Server
	mu   sync.Mutex
	seen []string
}

func newFakeEntra(t *testing.T) *fakeEntra {
	f := &fakeEntra{}
	f.Server = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		tenant := strings.Split(strings.TrimPrefix(r.URL.Path, "/"), "/")[0]
		if strings.HasSuffix(r.URL.Path, "/.well-known/openid-configuration") {
			base := f.URL + "/" + tenant
			json.NewEncoder(w).Encode(map[string]string{"token_endpoint": base + "/oauth2/v2.0/token",
				"authorization_endpoint": base + "/oauth2/v2.0/authorize", "issuer": base + "/v2.0"})
			return
		}
		r.ParseForm()
		cred := r.Form.Get("client_secret")
		if r.Form.Get("client_assertion_type") != "" {
			cred = "assertion"
			if a := r.Form.Get("client_assertion"); !strings.Contains(a, ".") {
				cred = "federated:" + a
			}
		}
		f.mu.Lock()
		f.seen = append(f.seen, tenant+"/"+r.Form.Get("client_id")+"/"+cred)
		f.mu.Unlock()
		json.NewEncoder(w).Encode(map[string]any{"access_token": "at", "expires_in": 3600, "token_type": "Bearer"})
	}))
	t.Cleanup(f.Close)
	return f
}

// token returns a function that gets a token from a credential just
// built, and returns what the token request carried.
func (f *fakeEntra) token(t *testing.T) func(azcore.TokenCredential, error) string {
	return func(cred azcore.TokenCredential, err error) string {
		t.Helper()
		return f.request(t, cred, err)
	}
}

func (f *fakeEntra) request(t *testing.T, cred azcore.TokenCredential, err error) string {
	t.Helper()
	if err != nil {
		t.Fatalf("building the credential: %v", err)
	}
	if _, err := cred.GetToken(context.Background(), policy.TokenRequestOptions{Scopes: []string{"https://management.azure.com/.default"}}); err != nil {
		t.Fatalf("GetToken: %v", err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.seen[len(f.seen)-1]
}

func (f *fakeEntra) clientOptions() azcore.ClientOptions {
	return azcore.ClientOptions{Transport: f.Client(), Retry: policy.RetryOptions{MaxRetries: -1}}
}

func withProfile(t *testing.T, vars map[string]string, opts ...profileenv.Option) context.Context {
	t.Helper()
	env, err := profileenv.New(vars, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return profileenv.WithEnv(context.Background(), env)
}

// setProcessEnv gives the process the default tenant's service principal,
// and the fake as its authority host.
func setProcessEnv(t *testing.T, f *fakeEntra) {
	for k, v := range map[string]string{"AZURE_TENANT_ID": "process-tenant", "AZURE_CLIENT_ID": "process-app",
		"AZURE_CLIENT_SECRET": "process-secret", "AZURE_AUTHORITY_HOST": f.URL} {
		t.Setenv(k, v)
	}
	for _, k := range []string{"AZURE_CLIENT_CERTIFICATE_PATH", "AZURE_USERNAME", "AZURE_PASSWORD", "AZURE_FEDERATED_TOKEN_FILE",
		"AZURE_TOKEN_CREDENTIALS", "AZURE_ADDITIONALLY_ALLOWED_TENANTS", "AZURE_REGIONAL_AUTHORITY_NAME"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
}

func TestNoProfileIsTheProcessEnvironment(t *testing.T) {
	f := newFakeEntra(t)
	setProcessEnv(t, f)
	ctx := context.Background()
	co := f.clientOptions()
	want := "process-tenant/process-app/process-secret"
	if got := f.token(t)(azureenv.NewEnvironmentCredential(ctx, &azidentity.EnvironmentCredentialOptions{ClientOptions: co, DisableInstanceDiscovery: true})); got != want {
		t.Errorf("EnvironmentCredential: token request %q, want %q", got, want)
	}
	dac, err := azureenv.NewDefaultAzureCredential(ctx, &azidentity.DefaultAzureCredentialOptions{ClientOptions: co, DisableInstanceDiscovery: true})
	if _, ok := dac.(*azidentity.DefaultAzureCredential); !ok || err != nil {
		t.Fatalf("NewDefaultAzureCredential without a profile = %T, %v; want the SDK's", dac, err)
	}
	if got := f.request(t, dac, err); got != want {
		t.Errorf("DefaultAzureCredential: token request %q, want %q", got, want)
	}
	unrelated := withProfile(t, map[string]string{"OPENAI_API_KEY": "k"},
		profileenv.Fallback("AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET"))
	plain, err := azureenv.NewEnvironmentCredential(unrelated, nil)
	if _, ok := plain.(*azidentity.EnvironmentCredential); !ok || err != nil {
		t.Errorf("NewEnvironmentCredential with a profile that sets and hides no AZURE_* variable = %T, %v; want the SDK's", plain, err)
	}
}

func TestProfileSecretWins(t *testing.T) {
	f := newFakeEntra(t)
	setProcessEnv(t, f)
	ctx := withProfile(t, map[string]string{"AZURE_TENANT_ID": "tenant-a", "AZURE_CLIENT_ID": "app-a", "AZURE_CLIENT_SECRET": "secret-a"})
	co := f.clientOptions()
	want := "tenant-a/app-a/secret-a"
	if got := f.token(t)(azureenv.NewEnvironmentCredential(ctx, &azidentity.EnvironmentCredentialOptions{ClientOptions: co, DisableInstanceDiscovery: true})); got != want {
		t.Errorf("EnvironmentCredential: token request %q, want %q", got, want)
	}
	if got := f.token(t)(azureenv.NewDefaultAzureCredential(ctx, &azidentity.DefaultAzureCredentialOptions{ClientOptions: co, DisableInstanceDiscovery: true})); got != want {
		t.Errorf("DefaultAzureCredential: token request %q, want %q", got, want)
	}
}

func TestProfileCertificate(t *testing.T) {
	f := newFakeEntra(t)
	setProcessEnv(t, f)
	ctx := withProfile(t, map[string]string{"AZURE_TENANT_ID": "tenant-a", "AZURE_CLIENT_ID": "app-a",
		"AZURE_CLIENT_CERTIFICATE_PATH": certificateFile(t)})
	got := f.token(t)(azureenv.NewEnvironmentCredential(ctx, &azidentity.EnvironmentCredentialOptions{ClientOptions: f.clientOptions(), DisableInstanceDiscovery: true}))
	if want := "tenant-a/app-a/assertion"; got != want {
		t.Errorf("token request %q, want %q", got, want)
	}
}

func TestProfileWorkloadIdentity(t *testing.T) {
	f := newFakeEntra(t)
	setProcessEnv(t, f)
	file := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(file, []byte("federated-a"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := withProfile(t, map[string]string{"AZURE_TENANT_ID": "tenant-a", "AZURE_CLIENT_ID": "app-a", "AZURE_FEDERATED_TOKEN_FILE": file})
	got := f.token(t)(azureenv.NewDefaultAzureCredential(ctx, &azidentity.DefaultAzureCredentialOptions{ClientOptions: f.clientOptions(), DisableInstanceDiscovery: true}))
	if want := "tenant-a/app-a/federated:federated-a"; got != want {
		t.Errorf("token request %q, want %q", got, want)
	}
}

// TestCredentialsDoNotFallBack: a profile without an Azure credential gets
// none, not the process's service principal.
func TestCredentialsDoNotFallBack(t *testing.T) {
	f := newFakeEntra(t)
	setProcessEnv(t, f)
	ctx := withProfile(t, map[string]string{"OPENAI_API_KEY": "k", "AZURE_AUTHORITY_HOST": f.URL})
	if _, err := azureenv.NewDefaultAzureCredential(ctx, nil); !errors.Is(err, azureenv.ErrNoCredential) {
		t.Errorf("NewDefaultAzureCredential: %v, want ErrNoCredential", err)
	}
	if cred, err := azureenv.NewEnvironmentCredential(ctx, nil); err == nil {
		t.Errorf("NewEnvironmentCredential = %T, want the SDK's error for a missing AZURE_TENANT_ID", cred)
	}
	hides := withProfile(t, map[string]string{"OPENAI_API_KEY": "k"}) // sets no AZURE_* key, hides the process's
	if _, err := azureenv.NewDefaultAzureCredential(hides, nil); !errors.Is(err, azureenv.ErrNoCredential) {
		t.Errorf("NewDefaultAzureCredential with a profile hiding the process's variables: %v, want ErrNoCredential", err)
	}
}

// TestCallerAuthorityHostWins: an authority host in the caller's options
// wins over the profile's, as over AZURE_AUTHORITY_HOST.
func TestCallerAuthorityHostWins(t *testing.T) {
	f, other := newFakeEntra(t), newFakeEntra(t)
	setProcessEnv(t, f)
	ctx := withProfile(t, map[string]string{"AZURE_TENANT_ID": "tenant-a", "AZURE_CLIENT_ID": "app-a", "AZURE_CLIENT_SECRET": "secret-a",
		"AZURE_AUTHORITY_HOST": other.URL})
	co := f.clientOptions()
	co.Transport = &http.Client{Transport: &http.Transport{TLSClientConfig: f.Client().Transport.(*http.Transport).TLSClientConfig.Clone()}}
	co.Transport.(*http.Client).Transport.(*http.Transport).TLSClientConfig.RootCAs.AddCert(other.Certificate())
	got := other.token(t)(azureenv.NewEnvironmentCredential(ctx, &azidentity.EnvironmentCredentialOptions{ClientOptions: co, DisableInstanceDiscovery: true}))
	if want := "tenant-a/app-a/secret-a"; got != want || len(f.seen) != 0 {
		t.Errorf("with the profile's authority host: token request %q (%d to the process's host), want %q", got, len(f.seen), want)
	}
	co.Cloud.ActiveDirectoryAuthorityHost = f.URL
	got = f.token(t)(azureenv.NewEnvironmentCredential(ctx, &azidentity.EnvironmentCredentialOptions{ClientOptions: co, DisableInstanceDiscovery: true}))
	if want := "tenant-a/app-a/secret-a"; got != want {
		t.Errorf("with the caller's authority host: token request %q, want %q at the caller's host", got, want)
	}
}

// certificateFile writes a self-signed certificate and its key, as PEM, and
// returns the file's name.
func certificateFile(t *testing.T) string {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "app-a"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, _ := x509.MarshalPKCS8PrivateKey(key)
	data := append(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER})...)
	name := filepath.Join(t.TempDir(), "cert.pem")
	if err := os.WriteFile(name, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return name
}
