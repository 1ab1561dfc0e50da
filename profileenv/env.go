package profileenv

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/credlint/credlint/profileenv/credkeys"
)

// Env is an immutable snapshot of one profile's environment variables, with
// the policy that says which missing variables may fall back to the process
// environment. Build one with New or FromEnviron; attach it to a context
// with WithEnv.
//
// An Env is a small value that copies cheaply and may be shared by any
// number of goroutines: its variables are copied when it is built and
// nothing changes them afterwards. With returns a new Env.
//
// The zero Env is a profile with no variables and the default policy: every
// credential key is unset and every other key falls back. It is not "no
// profile"; a context without an Env is.
type Env struct {
	s *snapshot
}

// snapshot is the shared, never modified state of an Env.
type snapshot struct {
	vars map[string]string
	keys []string // the keys of vars, sorted, for Environ

	// fallback holds the keys named with Fallback: they fall back whatever
	// their class and whatever noFallback says.
	fallback map[string]bool
	// noFallback turns the default policy from "every key that is not a
	// credential key" into "no key".
	noFallback bool
	// fallbackAll lets every key fall back: the profile Setenv derives
	// from the process environment when ctx has none.
	fallbackAll bool
	rules       *credkeys.Rules // nil means credkeys.Default()
}

// empty backs the zero Env.
var empty = &snapshot{}

func (e Env) snap() *snapshot {
	if e.s == nil {
		return empty
	}
	return e.s
}

// An Option adjusts the fallback policy of an Env being built.
type Option func(*snapshot)

// Fallback lets the named keys fall back to the process environment when
// the profile does not set them, even if they are credential keys or
// NoFallback is in effect. Names are exact and case-sensitive.
//
// Use it for settings that every profile shares on purpose and that the
// classifier counts as credentials, such as AWS_REGION when all tenants run
// in one region:
//
//	env, err := profileenv.New(vars, profileenv.Fallback("AWS_REGION", "AWS_DEFAULT_REGION"))
func Fallback(keys ...string) Option {
	keys = slices.Clone(keys)
	return func(s *snapshot) {
		for _, k := range keys {
			s.fallback[k] = true
		}
	}
}

// NoFallback makes the profile the whole environment: no key missing from
// the profile falls back to the process environment, except the keys named
// with Fallback (in any option, before or after this one).
//
//	env, err := profileenv.New(vars, profileenv.NoFallback(), profileenv.Fallback("PATH", "HOME"))
func NoFallback() Option {
	return func(s *snapshot) { s.noFallback = true }
}

// CredentialRules sets the rules that decide which keys are credential
// keys. The default, and the meaning of nil, is credkeys.Default(). Pass the
// same rules that credlint runs with (its -cred-keys and -not-cred-keys
// flags are credkeys.Rules.With) so that the analyzer and the shim agree.
func CredentialRules(r *credkeys.Rules) Option {
	return func(s *snapshot) { s.rules = r }
}

// New returns an Env holding a copy of vars. A key must be non-empty and
// contain neither '=' nor NUL (a leading '=' is allowed, as in the
// per-drive variables Windows reports), and a value must not contain NUL,
// as for os.Setenv; otherwise New returns an error naming the key.
//
// An empty value is a value: the profile sets the key to "", and it does not
// fall back.
//
// To read a dotenv file, parse it in your own code (for example with
// godotenv.Read from github.com/joho/godotenv) and pass the map to New.
func New(vars map[string]string, opts ...Option) (Env, error) {
	for k, v := range vars {
		if err := check(k, v); err != nil {
			return Env{}, err
		}
	}
	return build(maps.Clone(vars), opts), nil
}

// FromEnviron returns an Env built from entries in the form os.Environ
// returns and exec.Cmd.Env takes, "KEY=VALUE". When a key appears more than
// once, the last entry wins, as in exec.Cmd.Env. An entry without '=', or
// with a key or value that New would reject, is an error naming the entry's
// index. FromEnviron is not a dotenv parser: it takes no comments, quotes,
// blank lines or export prefixes.
func FromEnviron(entries []string, opts ...Option) (Env, error) {
	vars := make(map[string]string, len(entries))
	for i, kv := range entries {
		k, v, ok := cutEntry(kv)
		if !ok {
			return Env{}, fmt.Errorf("profileenv: entry %d: %q is not KEY=VALUE", i, kv)
		}
		if err := check(k, v); err != nil {
			return Env{}, fmt.Errorf("profileenv: entry %d: %w", i, err)
		}
		vars[k] = v
	}
	return build(vars, opts), nil
}

// cutEntry splits "KEY=VALUE" at the first '=' after the first byte, so
// that the Windows entries "=C:=C:\dir" keep their leading '='.
func cutEntry(kv string) (key, value string, ok bool) {
	if kv == "" {
		return "", "", false
	}
	i := strings.IndexByte(kv[1:], '=')
	if i < 0 {
		return "", "", false
	}
	return kv[:i+1], kv[i+2:], true
}

// KeyError reports a key or value that the process environment could not
// hold.
type KeyError struct {
	Key    string
	Reason string
}

func (e *KeyError) Error() string {
	return fmt.Sprintf("profileenv: invalid variable %q: %s", e.Key, e.Reason)
}

func check(k, v string) error {
	switch {
	case k == "" || k == "=":
		return &KeyError{k, "empty name"}
	case strings.IndexByte(k[1:], '=') >= 0:
		return &KeyError{k, "name contains '='"}
	case strings.IndexByte(k, 0) >= 0:
		return &KeyError{k, "name contains NUL"}
	case strings.IndexByte(v, 0) >= 0:
		return &KeyError{k, "value contains NUL"}
	}
	return nil
}

// build takes ownership of vars.
func build(vars map[string]string, opts []Option) Env {
	s := &snapshot{vars: vars, fallback: map[string]bool{}}
	for _, opt := range opts {
		opt(s)
	}
	s.keys = slices.Sorted(maps.Keys(vars))
	return Env{s}
}

// With returns an Env with the same variables and policy as e, and key set
// to value. e is unchanged. With panics if New would reject key or value,
// because the key is almost always a constant.
func (e Env) With(key, value string) Env {
	if err := check(key, value); err != nil {
		panic(err)
	}
	s := e.snap()
	n := &snapshot{
		vars:        maps.Clone(s.vars),
		fallback:    s.fallback, // never written after build
		noFallback:  s.noFallback,
		fallbackAll: s.fallbackAll,
		rules:       s.rules,
	}
	if n.vars == nil {
		n.vars = map[string]string{}
	}
	if _, ok := n.vars[key]; ok {
		n.keys = s.keys
	} else {
		n.keys = slices.Insert(slices.Clone(s.keys), sortedIndex(s.keys, key), key)
	}
	n.vars[key] = value
	return Env{n}
}

func sortedIndex(keys []string, key string) int {
	i, _ := slices.BinarySearch(keys, key)
	return i
}

// FallsBack reports whether key, when the profile does not set it, is read
// from the process environment: true for keys named with Fallback, false for
// every other key under NoFallback, and otherwise true exactly for the keys
// that are not credential keys.
func (e Env) FallsBack(key string) bool {
	s := e.snap()
	if s.fallback[key] || s.fallbackAll {
		return true
	}
	if s.noFallback {
		return false
	}
	return s.rules.Classify(key) != credkeys.Credential
}

// LookupEnv is os.LookupEnv for the profile: the profile's value if it sets
// key, else the process environment's if key falls back (see FallsBack),
// else "", false.
func (e Env) LookupEnv(key string) (string, bool) {
	s := e.snap()
	if v, ok := s.vars[key]; ok {
		return v, true
	}
	if e.FallsBack(key) {
		return os.LookupEnv(key)
	}
	return "", false
}

// Getenv is os.Getenv for the profile; see LookupEnv.
func (e Env) Getenv(key string) string {
	v, _ := e.LookupEnv(key)
	return v
}

// ExpandEnv is os.ExpandEnv for the profile: os.Expand(s, e.Getenv).
func (e Env) ExpandEnv(s string) string {
	return os.Expand(s, e.Getenv)
}

// Environ is os.Environ for the profile, the environment a child process
// of the profile gets: the entries of os.Environ() whose keys fall back and
// that the profile does not set, in their order, followed by the profile's
// variables sorted by key (process entries that are not KEY=VALUE are
// dropped). So the process's credential keys are left out
// (unless named with Fallback), and with NoFallback every process entry is
// left out except the Fallback keys.
func (e Env) Environ() []string {
	return e.overlay(os.Environ())
}

// overlay filters base as Environ describes and appends the profile. It
// does not modify base.
func (e Env) overlay(base []string) []string {
	s := e.snap()
	out := make([]string, 0, len(base)+len(s.keys))
	for _, kv := range base {
		k, _, ok := cutEntry(kv)
		if !ok {
			continue // not KEY=VALUE: nothing a child could read
		}
		if _, set := s.vars[k]; set || !e.FallsBack(k) {
			continue
		}
		out = append(out, kv)
	}
	for _, k := range s.keys {
		out = append(out, k+"="+s.vars[k])
	}
	return out
}

// Vars returns a copy of the variables the profile sets, without the
// process environment.
func (e Env) Vars() map[string]string {
	m := maps.Clone(e.snap().vars)
	if m == nil {
		m = map[string]string{}
	}
	return m
}
