package profileenv

import (
	"context"
	"os"
	"testing"
)

func TestSetenv(t *testing.T) {
	t.Setenv("PROFILEENV_TEST_REGION", "eu-west-1")
	t.Setenv("PROFILEENV_TEST_API_KEY", "process-key")

	// No profile: the override wins, every other key falls back, and the
	// process environment is untouched.
	ctx := Setenv(context.Background(), "PROFILEENV_TEST_API_KEY", "override")
	if got := Getenv(ctx, "PROFILEENV_TEST_API_KEY"); got != "override" {
		t.Errorf("Getenv(key) = %q, want the override", got)
	}
	if got := Getenv(ctx, "PROFILEENV_TEST_REGION"); got != "eu-west-1" {
		t.Errorf("Getenv(other key) = %q, want the process value", got)
	}
	if got := os.Getenv("PROFILEENV_TEST_API_KEY"); got != "process-key" {
		t.Errorf("process value changed to %q", got)
	}

	// A profile: it is kept, with the key set; its policy still applies.
	env, err := New(map[string]string{"PROFILEENV_TEST_REGION": "us-east-1"})
	if err != nil {
		t.Fatal(err)
	}
	ctx = Setenv(WithEnv(context.Background(), env), "PROFILEENV_TEST_TOKEN", "t")
	if got := Getenv(ctx, "PROFILEENV_TEST_REGION"); got != "us-east-1" {
		t.Errorf("profile value lost: %q", got)
	}
	if got := Getenv(ctx, "PROFILEENV_TEST_TOKEN"); got != "t" {
		t.Errorf("Getenv(set key) = %q, want t", got)
	}
	if got, ok := LookupEnv(ctx, "PROFILEENV_TEST_API_KEY"); ok {
		t.Errorf("a credential key the profile lacks fell back to %q", got)
	}
}

// TestSetenvInvalid checks that Setenv fails as os.Setenv does, without a
// panic: a value with NUL (a request header with %00) leaves the variable
// as it was, and SetenvError returns os.Setenv's error (issue 16).
func TestSetenvInvalid(t *testing.T) {
	t.Setenv("PROFILEENV_TEST_API_KEY", "process-key")
	for _, kv := range [][2]string{
		{"PROFILEENV_TEST_API_KEY", "a\x00b"},
		{"PROFILEENV_TEST_\x00KEY", "v"},
		{"", "v"},
		{"A=B", "v"},
	} {
		osErr := os.Setenv(kv[0], kv[1])
		if osErr == nil {
			t.Fatalf("os.Setenv(%q, %q) accepted it", kv[0], kv[1])
		}
		if err := SetenvError(kv[0], kv[1]); err == nil || err.Error() != osErr.Error() {
			t.Errorf("SetenvError(%q, %q) = %v, want os.Setenv's %v", kv[0], kv[1], err, osErr)
		}
		ctx := Setenv(context.Background(), kv[0], kv[1])
		if got, want := Getenv(ctx, "PROFILEENV_TEST_API_KEY"), os.Getenv("PROFILEENV_TEST_API_KEY"); got != want {
			t.Errorf("after Setenv(%q, %q): Getenv = %q, want the unchanged %q", kv[0], kv[1], got, want)
		}
	}
	if err := SetenvError("PROFILEENV_TEST_API_KEY", "ok"); err != nil {
		t.Errorf("SetenvError of a valid pair: %v", err)
	}
}
