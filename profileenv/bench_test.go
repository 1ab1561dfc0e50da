package profileenv

import (
	"context"
	"os"
	"testing"
)

var benchSink string

// BenchmarkGetenv compares os.Getenv with Getenv on the default path (no
// profile: must match os.Getenv, 0 allocs/op) and on the profile path: a
// key the profile sets, a setting that falls back, and a credential that
// does not.
func BenchmarkGetenv(b *testing.B) {
	b.Setenv("OPENAI_API_KEY", "sk-default")
	b.Setenv("LOG_LEVEL", "info")
	// A request context usually has a few layers: cancellation and a value
	// or two from other middleware.
	base, cancel := context.WithCancel(context.WithValue(context.Background(), struct{}{}, "other"))
	defer cancel()
	profile := WithEnv(base, mustNew(b, map[string]string{"OPENAI_API_KEY": "sk-alice", "A": "1", "B": "2"}))
	cases := []struct {
		name string
		fn   func() string
	}{
		{"os.Getenv", func() string { return os.Getenv("OPENAI_API_KEY") }},
		{"default", func() string { return Getenv(base, "OPENAI_API_KEY") }},
		{"profile/set", func() string { return Getenv(profile, "OPENAI_API_KEY") }},
		{"profile/fallback", func() string { return Getenv(profile, "LOG_LEVEL") }},
		{"profile/credential-unset", func() string { return Getenv(profile, "ANTHROPIC_API_KEY") }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				benchSink = c.fn()
			}
		})
	}
}

// BenchmarkEnviron compares os.Environ with Environ with a profile.
func BenchmarkEnviron(b *testing.B) {
	ctx := WithEnv(context.Background(), mustNew(b, map[string]string{"OPENAI_API_KEY": "sk-alice"}))
	b.Run("os.Environ", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = os.Environ()
		}
	})
	b.Run("profile", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = Environ(ctx)
		}
	})
}
