// Package testfixtures reads a credential from goroutines and handlers
// that tests start (see tf_test.go).
package testfixtures

import "os"

func Token() string { return os.Getenv("TF_API_TOKEN") }
