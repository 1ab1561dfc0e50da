// Package notifier tells a service manager about its state: Serve returns
// at once and leaves a goroutine running that reads NOTIFY_SOCKET when
// its context is done (the shape of go-systemd's SdNotify, docs/precision.md
// M1).
package notifier

import (
	"context"
	"os"
)

// Serve starts the service; it says it stops when ctx is done.
func Serve(ctx context.Context) {
	go func() {
		<-ctx.Done()
		_ = os.Getenv("NOTIFY_SOCKET") // not reported here: not a credential, and a read
	}()
}

// Run serves on the caller's goroutine until ctx is done.
func Run(ctx context.Context) {
	<-ctx.Done()
	_ = os.Getenv("NOTIFY_SOCKET") // not reported here: not a credential, and a read
}
