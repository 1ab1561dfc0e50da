package profileenv

import (
	"context"
	"errors"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/credlint/credlint/profileenv/credkeys"
)

// setProcessEnv gives the process a default tenant: a credential key, a
// credential key that is usually shared (AWS_REGION) and two settings. The
// tests that call it change the process environment, so they are not
// parallel.
func setProcessEnv(t *testing.T) {
	t.Setenv("OPENAI_API_KEY", "sk-default")
	t.Setenv("AWS_REGION", "eu-west-1")
	t.Setenv("LOG_LEVEL", "info")
	t.Setenv("OPENAI_BASE_URL", "https://default.example")
	t.Setenv("PROFILEENV_TEST_UNSET", "") // restored at cleanup
	os.Unsetenv("PROFILEENV_TEST_UNSET")
}

func mustNew(t testing.TB, vars map[string]string, opts ...Option) Env {
	t.Helper()
	env, err := New(vars, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return env
}

func TestLookupEnv(t *testing.T) {
	setProcessEnv(t)
	alice := map[string]string{"OPENAI_API_KEY": "sk-alice", "EMPTY_TOKEN": "", "LOG_LEVEL": "debug"}
	keepRegion, err := credkeys.Default().With(nil, []string{"AWS_REGION"})
	if err != nil {
		t.Fatal(err)
	}
	logIsSecret, err := credkeys.Default().With([]string{"LOG_LEVEL"}, nil)
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name    string
		profile map[string]string // nil: no profile in the context
		opts    []Option
		key     string
		want    string
		wantOK  bool
	}{
		{"no profile: credential from the process", nil, nil, "OPENAI_API_KEY", "sk-default", true},
		{"no profile: setting from the process", nil, nil, "LOG_LEVEL", "info", true},
		{"no profile: unset", nil, nil, "PROFILEENV_TEST_UNSET", "", false},

		{"profile value wins over the process", alice, nil, "OPENAI_API_KEY", "sk-alice", true},
		{"profile value wins for a setting too", alice, nil, "LOG_LEVEL", "debug", true},
		{"empty profile value is a value", alice, nil, "EMPTY_TOKEN", "", true},
		{"missing credential does not fall back", map[string]string{}, nil, "OPENAI_API_KEY", "", false},
		{"missing credential-ish AWS_REGION does not fall back", alice, nil, "AWS_REGION", "", false},
		{"missing setting falls back", alice, nil, "OPENAI_BASE_URL", "https://default.example", true},
		{"missing everywhere", alice, nil, "PROFILEENV_TEST_UNSET", "", false},

		{"Fallback lets a credential fall back", alice, []Option{Fallback("AWS_REGION")}, "AWS_REGION", "eu-west-1", true},
		{"Fallback names exact keys", alice, []Option{Fallback("aws_region")}, "AWS_REGION", "", false},
		{"Fallback does not override a profile value", alice, []Option{Fallback("OPENAI_API_KEY")}, "OPENAI_API_KEY", "sk-alice", true},
		{"NoFallback: setting does not fall back", alice, []Option{NoFallback()}, "OPENAI_BASE_URL", "", false},
		{"NoFallback then Fallback", alice, []Option{NoFallback(), Fallback("OPENAI_BASE_URL")}, "OPENAI_BASE_URL", "https://default.example", true},
		{"Fallback then NoFallback", alice, []Option{Fallback("OPENAI_BASE_URL"), NoFallback()}, "OPENAI_BASE_URL", "https://default.example", true},
		{"NoFallback: profile value still wins", alice, []Option{NoFallback()}, "LOG_LEVEL", "debug", true},

		{"CredentialRules can exclude a key", alice, []Option{CredentialRules(keepRegion)}, "AWS_REGION", "eu-west-1", true},
		{"CredentialRules can add a key", map[string]string{}, []Option{CredentialRules(logIsSecret)}, "LOG_LEVEL", "", false},
		{"CredentialRules(nil) is the default", alice, []Option{CredentialRules(nil)}, "AWS_REGION", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			if tt.profile != nil {
				ctx = WithEnv(ctx, mustNew(t, tt.profile, tt.opts...))
			}
			got, ok := LookupEnv(ctx, tt.key)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("LookupEnv(%s) = %q, %v; want %q, %v", tt.key, got, ok, tt.want, tt.wantOK)
			}
			if got := Getenv(ctx, tt.key); got != tt.want {
				t.Errorf("Getenv(%s) = %q; want %q", tt.key, got, tt.want)
			}
			if got := ExpandEnv(ctx, "<${"+tt.key+"}>"); got != "<"+tt.want+">" {
				t.Errorf("ExpandEnv(${%s}) = %q; want %q", tt.key, got, "<"+tt.want+">")
			}
		})
	}
}

func TestZeroEnvIsAnEmptyProfile(t *testing.T) {
	setProcessEnv(t)
	ctx := WithEnv(context.Background(), Env{})
	if _, ok := FromContext(ctx); !ok {
		t.Fatal("FromContext: the zero Env was not attached")
	}
	if v, ok := LookupEnv(ctx, "OPENAI_API_KEY"); ok {
		t.Errorf("zero Env: OPENAI_API_KEY = %q, want unset", v)
	}
	if v := Getenv(ctx, "LOG_LEVEL"); v != "info" {
		t.Errorf("zero Env: LOG_LEVEL = %q, want the process value", v)
	}
	if got := (Env{}).Vars(); got == nil || len(got) != 0 {
		t.Errorf("zero Env: Vars() = %#v, want an empty map", got)
	}
}

func TestFromContext(t *testing.T) {
	if _, ok := FromContext(context.Background()); ok {
		t.Error("FromContext(Background) reports a profile")
	}
	a := mustNew(t, map[string]string{"K": "a"})
	b := mustNew(t, map[string]string{"K": "b"})
	ctx := WithEnv(context.Background(), a)
	inner := WithEnv(context.WithValue(ctx, struct{ x int }{}, 1), b)
	if got := Getenv(inner, "K"); got != "b" {
		t.Errorf("inner WithEnv: K = %q, want b", got)
	}
	if got := Getenv(ctx, "K"); got != "a" {
		t.Errorf("outer context: K = %q, want a (inner WithEnv leaked out)", got)
	}
}

// TestNoProfileIsOS checks that without a profile every function returns
// exactly what its os twin returns.
func TestNoProfileIsOS(t *testing.T) {
	setProcessEnv(t)
	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), struct{}{}, "other"))
	defer cancel()
	for _, key := range []string{"OPENAI_API_KEY", "AWS_REGION", "LOG_LEVEL", "PATH", "PROFILEENV_TEST_UNSET", "", "A=B"} {
		if got, want := Getenv(ctx, key), os.Getenv(key); got != want {
			t.Errorf("Getenv(%q) = %q, os.Getenv = %q", key, got, want)
		}
		v, ok := LookupEnv(ctx, key)
		wv, wok := os.LookupEnv(key)
		if v != wv || ok != wok {
			t.Errorf("LookupEnv(%q) = %q, %v; os.LookupEnv = %q, %v", key, v, ok, wv, wok)
		}
	}
	for _, s := range []string{"", "$OPENAI_API_KEY/${LOG_LEVEL}", "$", "${", "$$ $1 ${PROFILEENV_TEST_UNSET}x", "plain"} {
		if got, want := ExpandEnv(ctx, s), os.ExpandEnv(s); got != want {
			t.Errorf("ExpandEnv(%q) = %q, os.ExpandEnv = %q", s, got, want)
		}
	}
	if got, want := Environ(ctx), os.Environ(); !slices.Equal(got, want) {
		t.Errorf("Environ differs from os.Environ:\n got %q\nwant %q", got, want)
	}
}

// TestNoProfileAllocs proves the default path a no-op: each function
// allocates exactly as often as its os twin (Getenv and LookupEnv: never).
func TestNoProfileAllocs(t *testing.T) {
	setProcessEnv(t)
	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), struct{}{}, "other"))
	defer cancel()
	const s = "key=$OPENAI_API_KEY level=${LOG_LEVEL}"
	var sink string
	var sinkOK bool
	var sinkEnv []string
	tests := []struct {
		name     string
		shim, os func()
		wantZero bool
	}{
		{"Getenv", func() { sink = Getenv(ctx, "OPENAI_API_KEY") }, func() { sink = os.Getenv("OPENAI_API_KEY") }, true},
		{"Getenv unset", func() { sink = Getenv(ctx, "PROFILEENV_TEST_UNSET") }, func() { sink = os.Getenv("PROFILEENV_TEST_UNSET") }, true},
		{"LookupEnv", func() { sink, sinkOK = LookupEnv(ctx, "LOG_LEVEL") }, func() { sink, sinkOK = os.LookupEnv("LOG_LEVEL") }, true},
		{"Environ", func() { sinkEnv = Environ(ctx) }, func() { sinkEnv = os.Environ() }, false},
		{"ExpandEnv", func() { sink = ExpandEnv(ctx, s) }, func() { sink = os.ExpandEnv(s) }, false},
	}
	for _, tt := range tests {
		shim := testing.AllocsPerRun(100, tt.shim)
		twin := testing.AllocsPerRun(100, tt.os)
		if shim != twin {
			t.Errorf("%s: %v allocs/op, its os twin %v", tt.name, shim, twin)
		}
		if tt.wantZero && shim != 0 {
			t.Errorf("%s: %v allocs/op, want 0", tt.name, shim)
		}
		t.Logf("%s: %v allocs/op (os twin %v)", tt.name, shim, twin)
	}
	_, _, _ = sink, sinkOK, sinkEnv
}

func TestEnviron(t *testing.T) {
	setProcessEnv(t)
	t.Setenv("GITHUB_TOKEN", "ghp-default")
	env := mustNew(t, map[string]string{"OPENAI_API_KEY": "sk-alice", "LOG_LEVEL": "debug", "B_SETTING": "1"},
		Fallback("AWS_REGION"))
	got := Environ(WithEnv(context.Background(), env))

	// Expected: the process entries in order, minus credential keys (but
	// AWS_REGION, named with Fallback) and minus the keys the profile sets,
	// then the profile sorted by key.
	var want []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k == "OPENAI_API_KEY" || k == "LOG_LEVEL" || k == "B_SETTING" {
			continue
		}
		if credkeys.Default().Classify(k) == credkeys.Credential && k != "AWS_REGION" {
			continue
		}
		want = append(want, kv)
	}
	want = append(want, "B_SETTING=1", "LOG_LEVEL=debug", "OPENAI_API_KEY=sk-alice")
	if !slices.Equal(got, want) {
		t.Errorf("Environ:\n got %q\nwant %q", got, want)
	}
	for _, leak := range []string{"OPENAI_API_KEY=sk-default", "GITHUB_TOKEN=ghp-default", "LOG_LEVEL=info"} {
		if slices.Contains(got, leak) {
			t.Errorf("Environ contains %s", leak)
		}
	}
	if !slices.Contains(got, "AWS_REGION=eu-west-1") {
		t.Error("Environ lacks AWS_REGION, named with Fallback")
	}

	iso := mustNew(t, map[string]string{"A": "1"}, NoFallback(), Fallback("LOG_LEVEL"))
	if got, want := iso.Environ(), []string{"LOG_LEVEL=info", "A=1"}; !slices.Equal(got, want) {
		t.Errorf("NoFallback Environ = %q, want %q", got, want)
	}
}

func TestOverlay(t *testing.T) {
	base := []string{"PATH=/bin", "OPENAI_API_KEY=sk-default", "LOG_LEVEL=info", "garbage", "AWS_REGION=x", "B=1", "=C:=C:\\dir"}
	env := mustNew(t, map[string]string{"OPENAI_API_KEY": "sk-a", "A": "1", "B": "2"})
	want := []string{"PATH=/bin", "LOG_LEVEL=info", "=C:=C:\\dir", "A=1", "B=2", "OPENAI_API_KEY=sk-a"}
	baseCopy := slices.Clone(base)
	if got := env.overlay(base); !slices.Equal(got, want) {
		t.Errorf("overlay:\n got %q\nwant %q", got, want)
	}
	if !slices.Equal(base, baseCopy) {
		t.Error("overlay modified its input")
	}
}

func TestNewCopies(t *testing.T) {
	vars := map[string]string{"K": "v1"}
	env := mustNew(t, vars)
	vars["K"] = "changed"
	vars["NEW"] = "x"
	if got := env.Getenv("K"); got != "v1" {
		t.Errorf("Env saw a change to New's map: K = %q", got)
	}
	if _, ok := env.Vars()["NEW"]; ok {
		t.Error("Env saw a key added to New's map")
	}
	out := env.Vars()
	out["K"] = "changed"
	if got := env.Getenv("K"); got != "v1" {
		t.Errorf("Env saw a change to Vars' result: K = %q", got)
	}

	keys := []string{"AWS_REGION"}
	opt := Fallback(keys...)
	keys[0] = "OTHER"
	if e := mustNew(t, nil, opt); !e.FallsBack("AWS_REGION") {
		t.Error("Fallback saw a change to its argument slice")
	}
}

func TestWith(t *testing.T) {
	setProcessEnv(t)
	base := mustNew(t, map[string]string{"B": "1"}, Fallback("AWS_REGION"))
	a := base.With("OPENAI_API_KEY", "sk-a")
	b := a.With("B", "2")
	if _, ok := base.LookupEnv("OPENAI_API_KEY"); ok {
		t.Error("With changed its receiver")
	}
	if got := a.Getenv("B"); got != "1" {
		t.Errorf("a.B = %q after b := a.With(B, 2)", got)
	}
	if got := b.Getenv("OPENAI_API_KEY") + "," + b.Getenv("B") + "," + b.Getenv("AWS_REGION"); got != "sk-a,2,eu-west-1" {
		t.Errorf("b = %q, want sk-a,2,eu-west-1 (values and policy kept)", got)
	}
	if got := b.Vars(); len(got) != 2 {
		t.Errorf("b.Vars() = %v", got)
	}
	env := b.Environ()
	if got := env[len(env)-2:]; !slices.Equal(got, []string{"B=2", "OPENAI_API_KEY=sk-a"}) {
		t.Errorf("b.Environ() ends with %q", got)
	}
	if got := (Env{}).With("K", "v").Getenv("K"); got != "v" {
		t.Errorf("Env{}.With(K, v): K = %q", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("With(\"A=B\", ...) did not panic")
		}
	}()
	base.With("A=B", "x")
}

func TestInvalid(t *testing.T) {
	for _, vars := range []map[string]string{
		{"": "x"}, {"=": "x"}, {"A=B": "x"}, {"A\x00": "x"}, {"A": "x\x00y"},
	} {
		_, err := New(vars)
		var ke *KeyError
		if !errors.As(err, &ke) {
			t.Errorf("New(%q): err = %v, want a *KeyError", vars, err)
		}
	}
	for _, entries := range [][]string{{"A=1", "NOEQUALS"}, {""}, {"=1"}, {"==1"}, {"A=1\x00"}} {
		if _, err := FromEnviron(entries); err == nil {
			t.Errorf("FromEnviron(%q): no error", entries)
		}
	}
}

func TestFromEnviron(t *testing.T) {
	env, err := FromEnviron([]string{"A=1", "B=x=y", "A=2", "EMPTY=", "=C:=C:\\dir"}, NoFallback())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"A": "2", "B": "x=y", "EMPTY": "", "=C:": "C:\\dir"}
	if got := env.Vars(); !maps.Equal(got, want) {
		t.Errorf("Vars() = %q, want %q", got, want)
	}
	if got := env.Environ(); !slices.Equal(got, []string{"=C:=C:\\dir", "A=2", "B=x=y", "EMPTY="}) {
		t.Errorf("Environ() = %q", got)
	}

	// Round trip of the real process environment.
	self, err := FromEnviron(os.Environ(), NoFallback())
	if err != nil {
		t.Fatalf("FromEnviron(os.Environ()): %v", err)
	}
	if got, want := self.Getenv("PATH"), os.Getenv("PATH"); got != want {
		t.Errorf("PATH = %q, want %q", got, want)
	}
}
