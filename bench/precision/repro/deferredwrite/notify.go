// Package deferredwrite reproduces a miss of docs/precision.md (strict
// standard, third set, M1), in the shape of cloud-sql-proxy's
// TestSdNotifyOnLinux: a test sets NOTIFY_SOCKET, defers its removal, and
// starts the service in a goroutine that it does not wait for; when the
// test returns, the deferred os.Unsetenv runs while the service, told to
// stop by the cancelled context, reads the variable to say it is
// stopping. The same write as a plain statement is reported; deferred, it
// was in no region until session 15, which puts a deferred write in the
// region open at the function's return.
package deferredwrite

import (
	"context"
	"net"
	"os"
)

// Run serves until ctx is done, then tells the service manager it stops.
func Run(ctx context.Context) {
	<-ctx.Done()
	notify("STOPPING=1")
}

func notify(state string) {
	addr := os.Getenv("NOTIFY_SOCKET")
	if addr == "" {
		return
	}
	if conn, err := net.Dial("unixgram", addr); err == nil {
		conn.Write([]byte(state))
		conn.Close()
	}
}
