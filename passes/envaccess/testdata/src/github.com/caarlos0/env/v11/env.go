// Package env is a stub of github.com/caarlos0/env/v11 v11.4.2: it copies
// os.Environ() and unsets the variables of fields tagged unset.
package env // want package:"touchesEnv"

import "os"

type Options struct {
	Prefix string
}

func Parse(v interface{}) error { // want Parse:`envRead\(\*\) envWrite\(\?\)`
	return ParseWithOptions(v, Options{})
}

func ParseWithOptions(v interface{}, opts Options) error { // want ParseWithOptions:`envRead\(\*\) envWrite\(\?\)`
	env := os.Environ()
	if len(env) > 0 {
		os.Unsetenv(env[0])
	}
	return nil
}

func ParseAs[T any]() (T, error) { // want ParseAs:`envRead\(\*\) envWrite\(\?\)`
	var t T
	err := Parse(&t)
	return t, err
}
