package main

import (
	"context"
	"os/exec"
	"syscall"
	"time"
)

// This file starts the go commands that outlive a moment (go vet, whose
// units can run for minutes) so that they never outlive credlint and
// always clean up after themselves.
//
// A go command stopped with SIGKILL leaves its $WORK directory behind,
// and may leave in its cache a unit's facts without the unit's output
// (unitroots.go). Sent SIGINT, it starts no new action, lets the running
// ones finish and record their results, removes $WORK and exits. So
// credlint stops its go commands with SIGINT, to their whole process
// group (the units too, which then fail and are not cached), and kills
// them only if they have not exited after goStopGrace. When credlint
// itself is killed, on Linux the kernel sends the go command SIGINT
// (SysProcAttr.Pdeathsig); elsewhere the process group at least lets a
// supervisor stop the go command and its units together.

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
