// Package adapt holds what every SDK adapter under profileenv/ decides the
// same way: for one variable the SDK reads, whether to pass the profile's
// value with the SDK's option, pass the SDK's reset, or pass nothing.
//
// It is internal to profileenv's tree, so the adapters (modules of their
// own, released with profileenv at one version; docs/release.md) import it
// by path and no user code can.
package adapt

import (
	"os"

	"github.com/credlint/credlint/profileenv"
)

// Action is what an adapter does for one variable the SDK reads.
type Action int

const (
	// Keep passes nothing: the SDK's own read of the process environment
	// already sees the profile's view of the variable.
	Keep Action = iota
	// Set passes the profile's value with the SDK's option.
	Set
	// Reset passes the SDK's reset: the profile hides a value the process
	// environment holds.
	Reset
)

// Decide says what the SDK must be told about key under env, whose
// variables are vars (env.Vars(), taken once per call). A non-empty value
// the profile sets is always passed, so the client never depends on the
// process environment for it. An empty or hidden value is reset only when
// the process environment holds a non-empty one: otherwise the SDK already
// sees nothing. The SDKs' options do not treat "" as absent, so "" is never
// passed as a value.
func Decide(env profileenv.Env, vars map[string]string, key string) (string, Action) {
	v, set := vars[key]
	if set && v != "" {
		return v, Set
	}
	if !set && env.FallsBack(key) {
		return "", Keep
	}
	if os.Getenv(key) != "" {
		return "", Reset
	}
	return "", Keep
}
