package exec

import (
	"context"
	"os"
	"os/exec"
)

func worker(ctx context.Context, target string) error {
	os.Setenv("SCAN_TARGET", target) // want `os.Setenv\("SCAN_TARGET"\) reachable from goroutine`
	if err := exec.Command("scanner").Run(); err != nil { // want `\(\*exec.Cmd\).Run starts a child process that inherits the whole environment`
		return err
	}
	cmd := exec.CommandContext(ctx, "scanner", "-v")
	out, err := cmd.Output() // want `\(\*exec.Cmd\).Output starts a child process`
	_ = out
	return err
}

func main() {
	ctx := context.Background()
	go worker(ctx, "a")
}
