package lib // want package:"touchesEnv"

import "os"

func Lookup(name string) string { // want Lookup:`envRead\(\$0\)`
	return os.Getenv(name)
}

func Mirror(k, v string, fn func()) { // want Mirror:`envWrite\(\$0\)`
	old := os.Getenv(k)
	os.Setenv(k, v)
	fn()
	os.Setenv(k, old)
}
