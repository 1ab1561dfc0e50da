// Package lib is where witness paths leave package app.
package lib

import "os"

// Token reads the credential through an unexported helper.
func Token() string { return read("API_TOKEN") }

func read(name string) string {
	return os.Getenv(name)
}

// Reset is a goroutine body that importers start.
func Reset() {
	os.Unsetenv("API_TOKEN")
}
