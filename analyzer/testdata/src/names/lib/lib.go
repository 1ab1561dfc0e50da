// Package lib reads variables whose names it builds at run time from what
// its callers pass (issue 13, K13): whether data chooses the name is told
// at each call site, in the caller's package.
package lib

import (
	"fmt"
	"os"
	"strings"
)

const prefix = "APP"

// Lookup reads APP_<name>: the caller's name picks the variable.
func Lookup(name string) string {
	return os.Getenv(prefix + "_" + name) // not reported here: reported where a root passes data
}

// Instance reads APP_INSTANCE_<i>, the program's own numbered names.
func Instance(i int) string {
	return os.Getenv(fmt.Sprintf("%s_INSTANCE_%d", prefix, i)) // not reported here: only constants and a counter
}

// Config reads <PROGRAM>_<SUFFIX> upper-cased, as cobra does.
func Config(program, suffix string) string {
	return os.Getenv(strings.ToUpper(program + "_" + suffix)) // not reported here: reported where a root passes data
}

// Settings holds a prefix set by its constructor's caller.
type Settings struct{ Prefix string }

// Region reads <Prefix>_region: the field's origin is not followed.
func (s Settings) Region() string {
	return os.Getenv(s.Prefix + "_region") // not reported here: the prefix is a field
}
