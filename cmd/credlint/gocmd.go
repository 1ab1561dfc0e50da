package main

import (
	"context"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// This file starts the go commands that outlive a moment (go vet, whose
// units can run for minutes) so that they never outlive credlint and
// always clean up after themselves.
//
// go vet installs no signal handler: SIGINT or SIGTERM end it at once,
// leaving its $WORK directory (go-build*) behind. So credlint gives its
// go commands a GOTMPDIR of its own (goWorkParent), which it removes when
// they have exited, and stops them with SIGINT to their whole process
// group (the units too, which then exit non-zero and are not cached),
// killing them only if they have not exited after goStopGrace. When
// credlint itself is killed, on Linux the kernel sends the go command
// SIGINT (SysProcAttr.Pdeathsig); elsewhere the process group lets a
// supervisor stop the go command and its units together. A go command
// stopped while it writes a unit's results to its cache may leave the
// facts without the output; the driver then fails rather than report
// nothing (unitroots.go).

// goStopGrace bounds how long a go command may take to exit after SIGINT.
const goStopGrace = 30 * time.Second

// goCommand returns the go command with args, stopped as above when ctx
// is done.
func goCommand(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.SysProcAttr = childProcAttr()
	cmd.Cancel = func() error {
		// The negative pid is the process group that Setpgid created.
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)
	}
	cmd.WaitDelay = goStopGrace
	return cmd
}

// goWorkParent creates the directory that credlint's go commands create
// their $WORK in: under GOTMPDIR if the user set one, else under the
// temporary directory.
func goWorkParent() (string, error) {
	return os.MkdirTemp(os.Getenv("GOTMPDIR"), "credlint-gowork-")
}

// goWorkEnv returns the environment of a go command whose $WORK is
// under work.
func goWorkEnv(work string) []string {
	return append(os.Environ(), "GOTMPDIR="+work)
}
