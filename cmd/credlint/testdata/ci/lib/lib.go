// Package lib reads a credential through a helper, as SDKs do.
package lib

import "os"

// Token returns the API token.
func Token() string { return lookup("API_TOKEN") }

func lookup(name string) string { return os.Getenv(name) }
