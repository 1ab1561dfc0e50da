// Package provision installs a chart in the background and reports progress
// on a channel. The chart location can be overridden with HELM_REPO_PATH,
// which is read on the background goroutine, not by the caller.
//
// Ported from /work/shared/cases-new/28-tsetenv-after-test-started-goroutine.
package provision

import (
	"context"
	"os"
	"strconv"
	"time"
)

type Status struct {
	Msg  string
	Done bool
}

// Deploy returns at once; the work runs on a goroutine it starts.
func Deploy(ctx context.Context, chart string) <-chan Status {
	ch := make(chan Status, 4)
	go func() {
		defer close(ch)
		if repo, ok := os.LookupEnv("HELM_REPO_PATH"); ok && repo != "" {
			ch <- Status{Msg: "using local chart " + repo + "/" + chart}
		} else {
			ch <- Status{Msg: "adding remote repository for " + chart}
		}
		ch <- Status{Done: true}
	}()
	return ch
}

// CommandTimeout reads the default timeout for shell steps.
func CommandTimeout() time.Duration {
	if v := os.Getenv("BASH_DEFAULT_TIMEOUT_MS"); v != "" {
		if ms, err := strconv.Atoi(v); err == nil {
			return time.Duration(ms) * time.Millisecond
		}
	}
	return 2 * time.Minute
}
