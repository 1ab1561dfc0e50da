// Package testregion has functions whose goroutines outlive the call.
package testregion

import "os"

// Watch returns at once; the goroutine it starts reads APP_MODE until done.
func Watch(done <-chan struct{}) {
	go func() {
		<-done
		_ = os.Getenv("APP_MODE") // not reported: not a credential, and a read
	}()
}

// Mode reads APP_MODE on the caller's goroutine.
func Mode() string { return os.Getenv("APP_MODE") }
