package embedcmd

import (
	"context"
	"os"
	"os/exec"
)

// job embeds *exec.Cmd: profileenv.SetCmdEnv(ctx, j) would not compile,
// so its calls get no fix.
type job struct {
	*exec.Cmd
	name string
}

func worker(ctx context.Context) error {
	os.Setenv("SCAN_TARGET", "x") // want `os.Setenv\("SCAN_TARGET"\) reachable from goroutine`
	j := job{Cmd: exec.Command("scanner"), name: "scan"}
	if err := j.Run(); err != nil { // want `\(\*exec.Cmd\).Run starts a child process that inherits the whole environment`
		return err
	}
	return exec.Command("scanner").Run() // want `\(\*exec.Cmd\).Run starts a child process`
}

func main() {
	go worker(context.Background())
}
