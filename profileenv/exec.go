package profileenv

import (
	"context"
	"os/exec"
)

// Command is exec.CommandContext(ctx, name, arg...) whose child sees the
// profile attached to ctx: with a profile, cmd.Env is set to Environ(ctx);
// with none, cmd.Env stays nil and the child inherits the process
// environment when it starts, exactly as with exec.CommandContext.
//
// Like exec.CommandContext, the child is killed when ctx is done before it
// exits. To keep a command that must outlive ctx, build it with
// exec.Command and call SetCmdEnv.
func Command(ctx context.Context, name string, arg ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, arg...)
	SetCmdEnv(ctx, cmd)
	return cmd
}

// SetCmdEnv gives cmd the environment of the profile attached to ctx. With
// no profile it does nothing: a nil cmd.Env still means the process
// environment at Start, and an explicit cmd.Env is kept. With a profile it
// sets cmd.Env to cmd's base environment filtered and overlaid as in
// Environ: the base is cmd.Env if it is not nil, else os.Environ(). So
// variables set on cmd.Env before the call survive, except credential keys
// that do not fall back, which the profile's own values (or absence)
// replace. Call it after the last change to cmd.Env and before cmd.Start.
//
// It returns cmd, so that a call can wrap the command where it starts:
//
//	profileenv.SetCmdEnv(ctx, exec.Command("scanner")).Run()
//
// exec.Cmd adds PWD for cmd.Dir only when cmd.Env is nil; with a profile,
// set PWD in the profile or on cmd.Env if the child needs it.
func SetCmdEnv(ctx context.Context, cmd *exec.Cmd) *exec.Cmd {
	env, ok := FromContext(ctx)
	if !ok {
		return cmd
	}
	if cmd.Env == nil {
		cmd.Env = env.Environ()
		return cmd
	}
	cmd.Env = env.overlay(cmd.Env)
	return cmd
}
