// Package envconfig is a stub of github.com/kelseyhightower/envconfig
// v1.4.0: Process reads one variable per field through os.LookupEnv with a
// name computed by reflection.
package envconfig // want package:"touchesEnv"

import "os"

func keys(prefix string, spec interface{}) []string { return nil }

func Process(prefix string, spec interface{}) error { // want Process:`envRead\(\?\)`
	for _, k := range keys(prefix, spec) {
		os.LookupEnv(k)
	}
	return nil
}

func MustProcess(prefix string, spec interface{}) { // want MustProcess:`envRead\(\?\)`
	Process(prefix, spec)
}
