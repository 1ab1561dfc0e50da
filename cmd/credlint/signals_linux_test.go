package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKilledDriverStopsGo checks that the go commands credlint starts do
// not outlive it when it is killed (a CI timeout sends SIGKILL): the go
// on PATH is a stand-in that records its pid and sleeps, and must be gone
// once credlint is (issue 16).
func TestKilledDriverStopsGo(t *testing.T) {
	t.Parallel()
	fake := t.TempDir()
	pids := filepath.Join(fake, "pids")
	script := "#!/bin/sh\necho $$ >> " + pids + "\nexec sleep 600\n"
	if err := os.WriteFile(filepath.Join(fake, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(credlintBin, "-engine=vet", "./...")
	cmd.Dir = writeModule(t, map[string]string{"clean/clean.go": cleanGo})
	cmd.Env = testEnv("PATH=" + fake + string(os.PathListSeparator) + os.Getenv("PATH"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "credlint to start go vet", func() bool { return len(readPids(pids)) > 0 })
	cmd.Process.Kill()
	cmd.Wait()
	waitFor(t, "the go commands of a killed credlint to end", func() bool {
		for _, pid := range readPids(pids) {
			if alive(pid) {
				return false
			}
		}
		return true
	})
}

// TestInterruptLeavesNoWork checks that an interrupted run lets go vet
// clean up: no $WORK directory (go-build*) and no socket directory is
// left in TMPDIR (issue 16).
func TestInterruptLeavesNoWork(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "killrun"))); err != nil {
		t.Fatal(err)
	}
	// Units to run: an edit no other test makes.
	leaf := filepath.Join(dir, "leaf", "leaf.go")
	data, _ := os.ReadFile(leaf)
	data = append(data, []byte("\n// Interrupted "+strconv.FormatInt(time.Now().UnixNano(), 10)+"\nvar Interrupted = 1\n")...)
	os.WriteFile(leaf, data, 0o644)
	tmp := t.TempDir()
	cmd := exec.Command(credlintBin, "-engine=vet", "./...")
	cmd.Dir, cmd.Env = dir, testEnv("TMPDIR="+tmp, "GOTMPDIR=")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	waitFor(t, "go vet's $WORK", func() bool {
		select {
		case <-done:
			t.Fatal("the run ended before go vet created $WORK")
		default:
		}
		work, _ := filepath.Glob(filepath.Join(tmp, "go-build*"))
		nested, _ := filepath.Glob(filepath.Join(tmp, "*", "go-build*"))
		return len(work)+len(nested) > 0
	})
	cmd.Process.Signal(os.Interrupt)
	<-done
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGINT {
		t.Errorf("interrupted credlint: %v; want it to die of SIGINT", cmd.ProcessState)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		var names []string
		for _, e := range left {
			names = append(names, e.Name())
		}
		t.Errorf("interrupted credlint left %q in TMPDIR", names)
	}
}

// waitFor polls cond until it holds, and fails after two minutes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(2 * time.Minute); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited two minutes for %s", what)
		}
	}
}

// readPids reads the pids the stand-in go recorded.
func readPids(path string) []int {
	data, _ := os.ReadFile(path)
	var pids []int
	for _, f := range strings.Fields(string(data)) {
		if pid, err := strconv.Atoi(f); err == nil {
			pids = append(pids, pid)
		}
	}
	return pids
}

// alive reports whether pid runs (a zombie does not).
func alive(pid int) bool {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return false
	}
	_, rest, _ := strings.Cut(string(data), ") ")
	return !strings.HasPrefix(rest, "Z")
}
