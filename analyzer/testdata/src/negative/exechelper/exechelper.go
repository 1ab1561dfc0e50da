// Package exechelper starts children from commands built by a helper that
// sets Env, in a handler that writes the environment.
package exechelper

import (
	"net/http"
	"os"
	"os/exec"
)

func newCmd() *exec.Cmd {
	c := exec.Command("true")
	c.Env = []string{"PATH=/usr/bin"}
	return c
}

func handler(w http.ResponseWriter, r *http.Request) {
	os.Unsetenv("TZ") // want `^os\.Unsetenv\("TZ"\) reachable from HTTP handler handler`
	cmd := newCmd()
	_ = cmd.Run()                  // not reported: the command comes from newCmd, which sets Env
	_, _ = newCmd().Output()       // not reported: same
	_ = exec.Command("date").Run() // want `^\(\*exec\.Cmd\)\.Run starts a child process that inherits the whole environment, reachable from HTTP handler handler \(race: may copy a value set by os\.Unsetenv\("TZ"\) in handler\)$`
}

func init() {
	http.HandleFunc("/", handler)
}
