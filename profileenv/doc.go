// Package profileenv gives each request its own environment variables (its
// profile: a tenant, user or workspace) through its context.Context, so
// that code which reads credentials from the environment can serve several
// profiles at once without touching the process environment.
//
// It replaces the pattern credlint reports, mirroring a profile into the
// process environment around a call:
//
//	os.Setenv("OPENAI_API_KEY", p.Key) // another request may read this key
//	defer os.Setenv("OPENAI_API_KEY", old)
//	key := os.Getenv("OPENAI_API_KEY") // or this request another's
//
// with middleware that attaches the profile once, and reads from the
// request's context:
//
//	handler = profileenv.Middleware(resolve)(handler)
//	...
//	key := profileenv.Getenv(r.Context(), "OPENAI_API_KEY")
//
// Getenv, LookupEnv, Environ and ExpandEnv take the arguments of their os
// twins after a leading ctx, and Command and SetCmdEnv hand the profile to
// child processes, so a fix is a selector swap plus an argument.
//
// # No profile: the process environment, unchanged
//
// With no Env attached to the context (the default profile), every function
// behaves exactly like its os twin, which it calls, and allocates nothing
// more than it: the only extra work is one context lookup. Command leaves
// exec.Cmd.Env nil, so the child inherits the process environment at Start,
// as it does today, and SetCmdEnv does nothing.
//
// # A profile: its values win, and credentials never fall back by accident
//
// With an Env attached, a key the profile sets has the profile's value,
// even if that value is empty. A key the profile does not set may fall back
// to the process environment:
//
//   - A credential key (credkeys.Default().Classify, the rules credlint
//     reports with) does not fall back: Getenv returns "" and LookupEnv
//     false. A tenant must never get the default tenant's key by accident.
//     Name the exceptions with the Fallback option, per key.
//   - Any other key falls back, because settings such as PATH, TZ or a
//     service endpoint are the process's, not the tenant's. The NoFallback
//     option turns this off: then the profile is the whole environment,
//     apart from the keys named with Fallback.
//
// Environ with a profile, and so a child process started with Command or
// SetCmdEnv, sees the process environment minus the entries that do not fall
// back and minus the keys the profile sets, in os.Environ order, followed by
// the profile's variables sorted by key.
//
// Use the CredentialRules option to classify with the same rules as your
// credlint configuration (-cred-keys, -not-cred-keys).
//
// # Concurrency
//
// An Env is immutable: New and FromEnviron copy their input, nothing
// modifies an Env afterwards, and With returns a new one. Any number of
// goroutines may share one, and the package never writes the process
// environment, so it is race-free by construction.
//
// # HTTP
//
// Middleware calls a resolver for each request. The resolver returns the
// request's Env, ErrNoProfile to keep the default profile, or an error,
// which refuses the request (403, or the code of a StatusError) instead of
// serving it silently with the default profile's credentials.
//
// # Keys
//
// Keys are compared exactly, as on Unix. On Windows, where the process
// environment ignores the case of keys, a profile's keys still match only in
// the case they were given.
package profileenv
