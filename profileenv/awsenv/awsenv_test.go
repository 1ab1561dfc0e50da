package awsenv_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/credlint/credlint/profileenv"
	"github.com/credlint/credlint/profileenv/awsenv"
)

const callerIdentity = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/x</Arn><UserId>x</UserId><Account>123456789012</Account></GetCallerIdentityResult>
<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`

// assumedRole answers AssumeRoleWithWebIdentity with an access key ID made
// of the web identity token, so that the signature shows which token was
// exchanged.
const assumedRole = `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
<AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>%s</AccessKeyId><SecretAccessKey>s</SecretAccessKey>
<SessionToken>t</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
<AssumedRoleUser><Arn>%s</Arn><AssumedRoleId>r</AssumedRoleId></AssumedRoleUser></AssumeRoleWithWebIdentityResult>
<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>`

// fakeSTS is a local STS endpoint that records the access key ID in the
// SigV4 signature of each request ("" for an unsigned one).
type fakeSTS struct {
	*httptest.Server
	mu   sync.Mutex
	keys []string
}

var credentialRE = regexp.MustCompile(`Credential=([^/]+)/`)

func newFakeSTS(t *testing.T) *fakeSTS {
	f := &fakeSTS{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		if r.Form.Get("Action") == "AssumeRoleWithWebIdentity" {
			w.Header().Set("Content-Type", "text/xml")
			fmt.Fprintf(w, assumedRole, "ASIA"+strings.ToUpper(r.Form.Get("WebIdentityToken")), r.Form.Get("RoleArn"))
			return
		}
		key := ""
		if m := credentialRE.FindStringSubmatch(r.Header.Get("Authorization")); m != nil {
			key = m[1]
		}
		f.mu.Lock()
		f.keys = append(f.keys, key)
		f.mu.Unlock()
		w.Header().Set("Content-Type", "text/xml")
		w.Write([]byte(callerIdentity))
	}))
	t.Cleanup(f.Close)
	return f
}

// signedWith loads a config from optFns, as a handler would, makes one STS
// call with it and returns the access key ID the call was signed with.
func (f *fakeSTS) signedWith(t *testing.T, optFns ...func(*config.LoadOptions) error) (string, aws.Config) {
	t.Helper()
	cfg, err := config.LoadDefaultConfig(context.Background(), optFns...)
	if err != nil {
		t.Fatalf("LoadDefaultConfig: %v", err)
	}
	client := sts.NewFromConfig(cfg, func(o *sts.Options) { o.BaseEndpoint = aws.String(f.URL) })
	client.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{}) // anonymous calls may fail; the key is recorded
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.keys) == 0 {
		return "<no request>", cfg
	}
	return f.keys[len(f.keys)-1], cfg
}

func withProfile(t *testing.T, vars map[string]string, opts ...profileenv.Option) context.Context {
	t.Helper()
	env, err := profileenv.New(vars, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return profileenv.WithEnv(context.Background(), env)
}

// setProcessEnv gives the process the default tenant's keys and region,
// and shared files of the test's own, so nothing of the machine is read.
func setProcessEnv(t *testing.T) (credentialsFile string) {
	dir := t.TempDir()
	credentialsFile = filepath.Join(dir, "credentials")
	write(t, credentialsFile, "[tenant]\naws_access_key_id = AKIAFILETENANT\naws_secret_access_key = s\n")
	configFile := filepath.Join(dir, "config")
	write(t, configFile, "[profile tenant]\nregion = eu-west-1\n")
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID": "AKIAPROCESS", "AWS_SECRET_ACCESS_KEY": "process-secret", "AWS_REGION": "us-east-1",
		"AWS_SHARED_CREDENTIALS_FILE": credentialsFile, "AWS_CONFIG_FILE": configFile,
		"AWS_EC2_METADATA_DISABLED": "true",
	} {
		t.Setenv(k, v)
	}
	for _, k := range []string{"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_ACCESS_KEY",
		"AWS_SECRET_KEY", "AWS_DEFAULT_REGION", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_ENDPOINT_URL",
		"AWS_ENDPOINT_URL_STS", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	return credentialsFile
}

func write(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestNoProfileIsTheProcessEnvironment(t *testing.T) {
	setProcessEnv(t)
	api := newFakeSTS(t)
	fns := []func(*config.LoadOptions) error{config.WithRetryMaxAttempts(1)}
	got := awsenv.With(context.Background(), fns...)
	if len(got) != 1 || &got[0] != &fns[0] {
		t.Fatalf("With without a profile: got %d options, want the caller's slice", len(got))
	}
	key, cfg := api.signedWith(t, got...)
	if key != "AKIAPROCESS" || cfg.Region != "us-east-1" {
		t.Errorf("signed with %q in %q, want the process's key and region", key, cfg.Region)
	}
}

func TestProfileStaticKeysWin(t *testing.T) {
	setProcessEnv(t)
	api := newFakeSTS(t)
	ctx := withProfile(t, map[string]string{"AWS_ACCESS_KEY_ID": "AKIATENANT", "AWS_SECRET_ACCESS_KEY": "tenant-secret",
		"AWS_SESSION_TOKEN": "tenant-token", "AWS_REGION": "ap-south-1"})
	key, cfg := api.signedWith(t, awsenv.With(ctx)...)
	if key != "AKIATENANT" || cfg.Region != "ap-south-1" {
		t.Errorf("signed with %q in %q, want the profile's key and region", key, cfg.Region)
	}
	creds, err := cfg.Credentials.Retrieve(context.Background())
	if err != nil || creds.SessionToken != "tenant-token" {
		t.Errorf("session token %q (%v), want the profile's", creds.SessionToken, err)
	}
}

// TestProfileSharedProfile: a profile that names a shared config profile
// and its own credentials file gets that profile's keys and region, not
// the process's keys, which the SDK would otherwise prefer.
func TestProfileSharedProfile(t *testing.T) {
	file := setProcessEnv(t)
	api := newFakeSTS(t)
	write(t, file, "[tenant]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = s\n") // the process's file
	dir := t.TempDir()
	tenantFile := filepath.Join(dir, "credentials")
	write(t, tenantFile, "[tenant]\naws_access_key_id = AKIAFILETENANT\naws_secret_access_key = s\n")
	ctx := withProfile(t, map[string]string{"AWS_PROFILE": "tenant", "AWS_SHARED_CREDENTIALS_FILE": tenantFile},
		profileenv.Fallback("AWS_CONFIG_FILE", "AWS_REGION"))
	key, cfg := api.signedWith(t, awsenv.With(ctx)...)
	if key != "AKIAFILETENANT" {
		t.Errorf("signed with %q, want the tenant profile's key from the profile's file", key)
	}
	if cfg.Region != "us-east-1" {
		t.Errorf("region %q, want AWS_REGION's, which the SDK prefers to the shared profile's", cfg.Region)
	}
}

// TestCredentialsDoNotFallBack: a profile without AWS credentials must not
// sign with the process's keys.
func TestCredentialsDoNotFallBack(t *testing.T) {
	setProcessEnv(t)
	api := newFakeSTS(t)
	ctx := withProfile(t, map[string]string{"AWS_REGION": "eu-central-1"})
	key, cfg := api.signedWith(t, awsenv.With(ctx)...)
	if key != "" || cfg.Region != "eu-central-1" {
		t.Errorf("signed with %q in %q, want an unsigned request in the profile's region", key, cfg.Region)
	}
}

// TestCallerOptionsWin: a credentials provider or a shared config profile
// the caller passes wins over the profile's keys, as over the environment's.
func TestCallerOptionsWin(t *testing.T) {
	setProcessEnv(t)
	api := newFakeSTS(t)
	ctx := withProfile(t, map[string]string{"AWS_ACCESS_KEY_ID": "AKIATENANT", "AWS_SECRET_ACCESS_KEY": "s", "AWS_REGION": "ap-south-1"},
		profileenv.Fallback("AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE"))
	explicit := config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("AKIAEXPLICIT", "s", ""))
	if key, _ := api.signedWith(t, awsenv.With(ctx, explicit)...); key != "AKIAEXPLICIT" {
		t.Errorf("signed with %q, want the caller's provider", key)
	}
	if key, _ := api.signedWith(t, awsenv.With(ctx, config.WithSharedConfigProfile("tenant"))...); key != "AKIAFILETENANT" {
		t.Errorf("signed with %q, want the caller's shared config profile", key)
	}
	if key, cfg := api.signedWith(t, awsenv.With(ctx, config.WithRegion("sa-east-1"))...); key != "AKIATENANT" || cfg.Region != "sa-east-1" {
		t.Errorf("signed with %q in %q, want the profile's key in the caller's region", key, cfg.Region)
	}
}

// TestProfileWebIdentity: the profile's token file is exchanged for the
// role's credentials, which sign the call; the process's keys do not.
func TestProfileWebIdentity(t *testing.T) {
	setProcessEnv(t)
	api := newFakeSTS(t)
	t.Setenv("AWS_ENDPOINT_URL_STS", api.URL) // where AssumeRoleWithWebIdentity goes
	file := filepath.Join(t.TempDir(), "token")
	write(t, file, "tenanttoken")
	ctx := withProfile(t, map[string]string{"AWS_WEB_IDENTITY_TOKEN_FILE": file, "AWS_ROLE_ARN": "arn:aws:iam::1:role/tenant",
		"AWS_REGION": "eu-west-2"})
	if key, _ := api.signedWith(t, awsenv.With(ctx)...); key != "ASIATENANTTOKEN" {
		t.Errorf("signed with %q, want the key the profile's web identity token was exchanged for", key)
	}
	noRole := withProfile(t, map[string]string{"AWS_WEB_IDENTITY_TOKEN_FILE": file})
	if _, err := config.LoadDefaultConfig(context.Background(), awsenv.With(noRole)...); err == nil {
		t.Error("LoadDefaultConfig with a web identity and no role: no error, want one as from the environment")
	}
}
