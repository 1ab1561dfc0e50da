package googleenv

import (
	"os"

	"github.com/credlint/credlint/profileenv"
)

// action is what an adapter does for one variable the SDK reads.
type action int

const (
	// actKeep passes nothing: the SDK's own read of the process
	// environment already sees the profile's view of the variable.
	actKeep action = iota
	// actSet passes the profile's value with the SDK's option.
	actSet
	// actReset passes the SDK's reset: the profile hides a value the
	// process environment holds.
	actReset
)

// decide says what the SDK must be told about key under env, whose
// variables are vars (env.Vars(), taken once per call). A non-empty value
// the profile sets is always passed, so the client never depends on the
// process environment for it. An empty or hidden value is reset only when
// the process environment holds a non-empty one: otherwise the SDK already
// sees nothing. The SDKs' options do not treat "" as absent, so "" is never
// passed as a value.
func decide(env profileenv.Env, vars map[string]string, key string) (string, action) {
	v, set := vars[key]
	if set && v != "" {
		return v, actSet
	}
	if !set && env.FallsBack(key) {
		return "", actKeep
	}
	if os.Getenv(key) != "" {
		return "", actReset
	}
	return "", actKeep
}
