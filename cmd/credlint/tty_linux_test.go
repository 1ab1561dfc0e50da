package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// runOnTerminal runs bin in dir with its stdout on a new pseudo-terminal
// and returns what it printed there.
func runOnTerminal(t *testing.T, dir string, env []string, bin string, args ...string) string {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	defer ptmx.Close()
	if err := unix.IoctlSetPointerInt(int(ptmx.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(int(ptmx.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Skipf("ptsname: %v", err)
	}
	tty, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("open pts: %v", err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Env, cmd.Stdout = dir, env, tty
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close() // the child holds the terminal now; EOF (EIO) comes when it exits
	out, _ := io.ReadAll(ptmx)
	cmd.Wait()
	if strings.Contains(stderr.String(), "panic:") {
		t.Fatalf("panic:\n%s", stderr.String())
	}
	return strings.ReplaceAll(string(out), "\r\n", "\n")
}

// TestColorOnTerminal checks that findings are colored on a terminal, and
// plain there when NO_COLOR is set.
func TestColorOnTerminal(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{"gor/gor.go": goroutineGo})

	out := runOnTerminal(t, dir, testEnv("TERM=xterm"), probeBin, "./...")
	if !strings.Contains(out, "\x1b[1mgor/gor.go:7:3\x1b[22m: probe: os.Setenv in Start \x1b[36m[probe-env-write]\x1b[0m\n") {
		t.Errorf("on a terminal: want colored findings, got:\n%q", out)
	}

	out = runOnTerminal(t, dir, testEnv("TERM=xterm", "NO_COLOR=1"), probeBin, "./...")
	if strings.Contains(out, "\x1b[") || !strings.Contains(out, "gor/gor.go:7:3: probe: os.Setenv in Start [probe-env-write]\n") {
		t.Errorf("with NO_COLOR: want plain findings, got:\n%q", out)
	}
}
