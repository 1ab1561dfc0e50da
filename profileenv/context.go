package profileenv

import (
	"context"
	"os"
	"syscall"
)

// ctxKey is the context key for the request's Env. An empty struct in an
// interface needs no allocation, so the lookup on the default path is free.
type ctxKey struct{}

// WithEnv returns a copy of ctx that carries env as its profile. A later
// WithEnv on a derived context replaces it for that context.
func WithEnv(ctx context.Context, env Env) context.Context {
	return context.WithValue(ctx, ctxKey{}, env)
}

// FromContext returns the profile attached to ctx, and false if there is
// none (the default profile: the process environment).
func FromContext(ctx context.Context) (Env, bool) {
	env, ok := ctx.Value(ctxKey{}).(Env)
	return env, ok
}

// Getenv is os.Getenv for the profile attached to ctx. With no profile it
// is os.Getenv(key). With one it is the profile's value, or the process
// environment's if key falls back (see Env.FallsBack), or "".
func Getenv(ctx context.Context, key string) string {
	if env, ok := FromContext(ctx); ok {
		return env.Getenv(key)
	}
	return os.Getenv(key)
}

// LookupEnv is os.LookupEnv for the profile attached to ctx; see Getenv.
func LookupEnv(ctx context.Context, key string) (string, bool) {
	if env, ok := FromContext(ctx); ok {
		return env.LookupEnv(key)
	}
	return os.LookupEnv(key)
}

// Environ is os.Environ for the profile attached to ctx. With no profile it
// is os.Environ(). With one it is Env.Environ: the process entries whose
// keys fall back and that the profile does not set, in order, followed by
// the profile's variables sorted by key.
func Environ(ctx context.Context) []string {
	if env, ok := FromContext(ctx); ok {
		return env.Environ()
	}
	return os.Environ()
}

// ExpandEnv is os.ExpandEnv for the profile attached to ctx: it replaces
// ${var} and $var in s with Getenv(ctx, var). With no profile it is
// os.ExpandEnv(s).
func ExpandEnv(ctx context.Context, s string) string {
	if env, ok := FromContext(ctx); ok {
		return env.ExpandEnv(s)
	}
	return os.ExpandEnv(s)
}

// Setenv returns a copy of ctx whose profile sets key to value: what a
// swap-and-restore mirror (save, os.Setenv, call, restore) meant to show the
// call, without touching the process environment. Pass the result to the
// call; functions reading it with Getenv(ctx, key) see value, and other
// requests see nothing.
//
// With a profile in ctx, the new profile is that one with key set (see
// Env.With). With none, it is the process environment's view with key
// overridden: every other key falls back, so the call sees exactly what it
// saw under the mirror.
//
// Where os.Setenv would return an error (an empty key, or a key or value
// containing NUL or a key containing '='), Setenv returns ctx unchanged,
// as os.Setenv leaves the variable unchanged: the call sees what it saw
// when the mirror's os.Setenv failed. It never panics, so a request whose
// header holds %00 cannot crash the handler. SetenvError tells whether
// os.Setenv would fail.
func Setenv(ctx context.Context, key, value string) context.Context {
	if SetenvError(key, value) != nil {
		return ctx
	}
	env, ok := FromContext(ctx)
	if !ok {
		env = Env{&snapshot{fallback: map[string]bool{}, fallbackAll: true}}
	}
	return WithEnv(ctx, env.With(key, value))
}

// SetenvError returns the error os.Setenv(key, value) returns for a key or
// value the process environment cannot hold, and nil when it can, for
// code that checked os.Setenv's error before the fix.
func SetenvError(key, value string) error {
	if check(key, value) != nil {
		return os.NewSyscallError("setenv", syscall.EINVAL)
	}
	return nil
}
