package provision

import (
	"context"
	"strings"
	"testing"
	"time"
)

func drain(ch <-chan Status) (msgs []string) {
	for s := range ch {
		if s.Msg != "" {
			msgs = append(msgs, s.Msg)
		}
	}
	return msgs
}

// The racy version: Deploy has already started the goroutine that reads
// HELM_REPO_PATH when the test sets it.
func TestDeployLocalRepoRacy(t *testing.T) {
	ch := Deploy(context.Background(), "spire")
	t.Setenv("HELM_REPO_PATH", t.TempDir()) // want `^t\.Setenv\("HELM_REPO_PATH"\) reachable from TestDeployLocalRepoRacy after its goroutines start \(race: may race with os\.LookupEnv\("HELM_REPO_PATH"\)`
	if msgs := drain(ch); len(msgs) == 0 || !strings.Contains(msgs[0], "local chart") {
		t.Logf("flaky: %v", msgs)
	}
}

// The fix: set the variable before anything concurrent exists.
func TestDeployLocalRepo(t *testing.T) {
	t.Setenv("HELM_REPO_PATH", t.TempDir()) // not reported: set before Deploy starts its goroutine; the test is not parallel
	msgs := drain(Deploy(context.Background(), "spire"))
	if len(msgs) == 0 || !strings.Contains(msgs[0], "local chart") {
		t.Fatalf("got %v", msgs)
	}
}

// A reviewer flagged this t.Setenv as leaking into the parallel tests below.
// It does not: top-level parallel tests are paused until every sequential
// test of the package has finished, and the cleanup restores the value first.
func TestShortCommandTimeout(t *testing.T) {
	t.Setenv("BASH_DEFAULT_TIMEOUT_MS", "50") // not reported: sequential test that starts no goroutine; parallel tests cannot overlap it
	if got := CommandTimeout(); got != 50*time.Millisecond {
		t.Fatalf("got %v", got)
	}
}

func TestDefaultCommandTimeoutParallel(t *testing.T) {
	t.Parallel()
	if CommandTimeout() <= 0 {
		t.Fatal("non-positive timeout")
	}
}

func TestDeployParallel(t *testing.T) {
	t.Parallel()
	if msgs := drain(Deploy(context.Background(), "agent")); len(msgs) == 0 {
		t.Fatal("no status")
	}
}
