// Package main defers a write in main while a goroutine it started and
// did not join reads the variable (issue 13, M1).
package main

import (
	"context"
	"os"

	"regions/deferred/notifier"
)

func main() {
	os.Setenv("NOTIFY_SOCKET", "/run/notify.sock") // not reported: before the goroutine starts
	defer os.Unsetenv("NOTIFY_SOCKET")             // want `^os\.Unsetenv\("NOTIFY_SOCKET"\) reachable from main after its goroutines start`
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	notifier.Serve(ctx)
}
