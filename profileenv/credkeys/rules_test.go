package credkeys

import (
	"errors"
	"path"
	"strings"
	"testing"
)

func TestWithExtra(t *testing.T) {
	r, err := Default().With([]string{"APP_LOG_SINK", "SCAN_*", "BTC_FULLNODE_URL"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]Class{
		"APP_LOG_SINK":     Credential,    // exact extra
		"SCAN_TARGET":      Credential,    // glob extra
		"BTC_FULLNODE_URL": Credential,    // a URL whose value carries user:password (shared case 18)
		"ETH_FULLNODE_URL": NotCredential, // not listed
		"GITHUB_TOKEN":     Credential,    // defaults still apply
		"app_log_sink":     NotCredential, // user entries are case-sensitive
		"SCAN":             NotCredential, // SCAN_* needs the underscore
	} {
		if got := r.Classify(key); got != want {
			t.Errorf("Classify(%q) = %v, want %v", key, got, want)
		}
	}
}

func TestWithExclude(t *testing.T) {
	r, err := Default().With(nil, []string{"HOME", "AWS_REGION", "*_TOKEN"})
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]Class{
		"HOME":              NotCredential,
		"AWS_REGION":        NotCredential,
		"AWS_PROFILE":       Credential, // the rest of the family stays
		"GITHUB_TOKEN":      NotCredential,
		"GITHUB_TOKEN_FILE": Credential, // *_TOKEN does not match
		"DB_PASSWORD":       Credential,
	} {
		if got := r.Classify(key); got != want {
			t.Errorf("Classify(%q) = %v, want %v", key, got, want)
		}
	}
}

// TestWithPrecedence: within one call exclude wins, across calls the later
// call wins, and user entries override the built-in look-alikes.
func TestWithPrecedence(t *testing.T) {
	r1, err := Default().With([]string{"*_SINK", "PWD"}, []string{"AUDIT_SINK"})
	if err != nil {
		t.Fatal(err)
	}
	r2, err := r1.With([]string{"AUDIT_SINK"}, []string{"PWD"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		r    *Rules
		key  string
		want Class
	}{
		{r1, "APP_LOG_SINK", Credential},
		{r1, "AUDIT_SINK", NotCredential}, // exclude wins within a call
		{r1, "PWD", Credential},           // extra beats the built-in look-alike
		{r2, "AUDIT_SINK", Credential},    // the later call wins
		{r2, "PWD", NotCredential},
		{r2, "APP_LOG_SINK", Credential}, // earlier layers still apply
		{Default(), "APP_LOG_SINK", NotCredential},
	} {
		if got := tc.r.Classify(tc.key); got != tc.want {
			t.Errorf("Classify(%q) = %v, want %v", tc.key, got, tc.want)
		}
	}
}

func TestWithLeavesReceiver(t *testing.T) {
	base, err := Default().With([]string{"A_*"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := base.With([]string{"B_*"}, []string{"A_X"}); err != nil {
		t.Fatal(err)
	}
	if base.Classify("B_X") != NotCredential || base.Classify("A_X") != Credential {
		t.Error("With changed its receiver")
	}
	if r, _ := base.With(nil, nil); r != base {
		t.Error("With(nil, nil) should return its receiver")
	}
}

func TestNilAndZeroRules(t *testing.T) {
	var nilRules *Rules
	for _, r := range []*Rules{nilRules, {}} {
		if r.Classify("GITHUB_TOKEN") != Credential || r.Classify("PATH") != NotCredential {
			t.Errorf("%#v does not apply the defaults", r)
		}
	}
	r, err := nilRules.With([]string{"FOO"}, nil)
	if err != nil || r.Classify("FOO") != Credential {
		t.Errorf("nil.With: %v, %v", r, err)
	}
}

func TestWithBadPattern(t *testing.T) {
	for _, tc := range []struct {
		extra, exclude []string
		bad, msg       string
	}{
		{[]string{"OK_*", "[A-Z"}, nil, "[A-Z", "syntax error in pattern"},
		{nil, []string{`TRAILING\`}, `TRAILING\`, "syntax error in pattern"},
		{[]string{""}, nil, "", "empty pattern"},
		{[]string{"FOO=bar"}, nil, "FOO=bar", `invalid character '='`},
		{[]string{"A B"}, nil, "A B", `invalid character ' '`},
		{[]string{"A,B"}, nil, "A,B", `invalid character ','`},
		{nil, []string{"a/b"}, "a/b", `invalid character '/'`},
	} {
		r, err := Default().With(tc.extra, tc.exclude)
		var pe *PatternError
		if !errors.As(err, &pe) {
			t.Errorf("With(%q, %q) = %v, %v; want a *PatternError", tc.extra, tc.exclude, r, err)
			continue
		}
		if r != nil || pe.Pattern != tc.bad || !strings.Contains(err.Error(), tc.msg) ||
			!strings.Contains(err.Error(), `"`+strings.ReplaceAll(tc.bad, `\`, `\\`)+`"`) {
			t.Errorf("With(%q, %q) error = %q (pattern %q); want it to name %q and say %q",
				tc.extra, tc.exclude, err, pe.Pattern, tc.bad, tc.msg)
		}
		if tc.msg == "syntax error in pattern" && !errors.Is(err, path.ErrBadPattern) {
			t.Errorf("error %v does not wrap path.ErrBadPattern", err)
		}
	}
}

func TestCheckPatternAccepts(t *testing.T) {
	for _, p := range []string{"FOO", "*_SECRET", "DB_?_PASS", "[A-C]_KEY", `ESCAPED\*`, "TF_TOKEN_*", "*", "lower_case"} {
		if err := CheckPattern(p); err != nil {
			t.Errorf("CheckPattern(%q) = %v", p, err)
		}
	}
}

func TestExplainReasons(t *testing.T) {
	r, err := Default().With([]string{"*_SINK"}, []string{"HOME"})
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{
		"APP_LOG_SINK":      `added by "*_SINK"`,
		"HOME":              `excluded by "HOME"`,
		"KUBECONFIG":        "known name KUBECONFIG",
		"PWD":               "look-alike PWD",
		"AWS_REGION":        "AWS_* family",
		"TOKEN_LIMIT":       "TOKEN, qualified by LIMIT",
		"NEXT_PUBLIC_TOKEN": "TOKEN, qualified by PUBLIC",
		"CACHE_KEY":         "CACHE_KEY is not a secret key",
		"PATH":              "no credential word",
		"":                  "empty name",
	} {
		if _, why := r.Explain(key); !strings.Contains(why, want) {
			t.Errorf("Explain(%q) reason = %q, want it to contain %q", key, why, want)
		}
	}
}

func TestLocates(t *testing.T) {
	r, err := Default().With([]string{"MY_HOME"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]bool{
		"HOME":                           true,
		"XDG_CONFIG_HOME":                true,
		"XDG_DATA_HOME":                  true,
		"KUBECONFIG":                     true,
		"GNUPGHOME":                      true,
		"GOOGLE_APPLICATION_CREDENTIALS": true,
		"GITHUB_TOKEN":                   false, // holds the secret
		"DB_PASSWORD":                    false,
		"AWS_SECRET_ACCESS_KEY":          false,
		"AWS_PROFILE":                    false, // the AWS_* family is kept whole
		"PATH":                           false, // not a credential at all
		"MY_HOME":                        false, // added by the user
	} {
		if got := r.Locates(key); got != want {
			c, why := r.Explain(key)
			t.Errorf("Locates(%q) = %v, want %v (%v: %s)", key, got, want, c, why)
		}
	}
}

func TestNamesPath(t *testing.T) {
	r, err := Default().With([]string{"MY_TOKEN_FILE"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]bool{
		"AZURE_FEDERATED_TOKEN_FILE":  true,
		"AWS_WEB_IDENTITY_TOKEN_FILE": true,
		"AWS_SHARED_CREDENTIALS_FILE": true,
		"SOPS_AGE_KEY_FILE":           true,
		"SSH_PRIVATE_KEY_PATH":        true,
		"TLS_KEY_FILE":                true,
		"DATABASE_URL_FILE":           true,
		"APP_SECRETS_DIR":             true,
		"SSH_AUTH_SOCK":               true,
		"VAULT_TOKEN_FILE2":           true,
		"SOPS_AGE_KEY":                false, // holds the key
		"GCP_CREDENTIALS_JSON":        false, // the credential, encoded
		"TLS_KEY_PEM":                 false,
		"AWS_ACCESS_KEY_ID":           false, // half of the key pair
		"DOCKER_AUTH_CONFIG":          false, // the auth JSON itself
		"TOKEN_FILE_CONTENT":          false, // the file's content
		"MY_TOKEN_FILE":               false, // added by the user (below)
		"HOME":                        false, // a locator, but not a path name
		"PASSWORD_FILE_MODE":          false, // not a credential
	} {
		if got := r.NamesPath(key); got != want {
			c, why := r.Explain(key)
			t.Errorf("NamesPath(%q) = %v, want %v (%v: %s)", key, got, want, c, why)
		}
	}
}
