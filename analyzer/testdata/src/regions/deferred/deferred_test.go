package deferred

import (
	"context"
	"os"
	"sync"
	"testing"

	"regions/deferred/notifier"
)

// The write is deferred before the goroutine starts; it runs at the
// return, while Run may still read the variable.
func TestDeferBeforeStart(t *testing.T) {
	os.Setenv("NOTIFY_SOCKET", "/tmp/a.sock") // not reported: before the goroutine starts
	defer os.Unsetenv("NOTIFY_SOCKET")        // want `^os\.Unsetenv\("NOTIFY_SOCKET"\) reachable from TestDeferBeforeStart after its goroutines start`
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go notifier.Run(ctx)
}

// A starter in another package leaves its goroutine running.
func TestDeferStarter(t *testing.T) {
	os.Setenv("NOTIFY_SOCKET", "/tmp/b.sock") // not reported: before Serve starts its goroutine
	defer os.Setenv("NOTIFY_SOCKET", "")      // want `^os\.Setenv\("NOTIFY_SOCKET"\) reachable from TestDeferStarter after its goroutines start`
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	notifier.Serve(ctx)
}

// The goroutine is joined before the return: the deferred write runs
// after it, wherever the defer is written.
func TestDeferAfterJoin(t *testing.T) {
	os.Setenv("NOTIFY_SOCKET", "/tmp/c.sock") // not reported: before the goroutine starts
	defer os.Unsetenv("NOTIFY_SOCKET")        // not reported: runs after wg.Wait
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		notifier.Run(ctx)
	}()
	defer os.Unsetenv("NOTIFY_SOCKET") // not reported: written in the region, but runs after wg.Wait
	cancel()
	wg.Wait()
}
