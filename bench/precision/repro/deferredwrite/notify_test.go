package deferredwrite

import (
	"context"
	"os"
	"testing"
)

func TestNotify(t *testing.T) {
	os.Setenv("NOTIFY_SOCKET", t.TempDir()+"/notify.sock")
	defer os.Unsetenv("NOTIFY_SOCKET") // reported (M1, fixed in session 15): runs after cancel, while Run may read it
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go Run(ctx)
}

func TestNotifyPlain(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	go Run(ctx)
	cancel()
	os.Unsetenv("NOTIFY_SOCKET") // reported: the same write as a plain statement
}
