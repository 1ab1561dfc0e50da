// Package profiles renders device-profile templates that reference secrets
// with $NAME placeholders.
//
// Ported from /work/shared/cases/08-os-setenv-in-parallel-test.
package profiles

import "os"

// Render expands placeholders from the process environment.
func Render(tmpl string) string {
	return os.ExpandEnv(tmpl) // not reported: library function; reported where parallel tests call it
}

// RenderWith expands placeholders from an explicit lookup (the fix).
func RenderWith(tmpl string, lookup func(string) string) string {
	return os.Expand(tmpl, lookup) // not reported: mapping is caller-supplied, not the environment
}
