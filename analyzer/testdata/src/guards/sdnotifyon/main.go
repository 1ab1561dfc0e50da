// Command sdnotifyon passes notify a switch it does not know at compile
// time, or true: the write is reported, and the child process races with
// it.
package main

import (
	"os"
	"os/exec"

	"guards/notify"
)

func main() {
	unset := len(os.Args) > 1
	done := make(chan string)
	go func() { done <- notify.Send(unset, "READY=1") }()                // want `os\.Unsetenv\("NOTIFY_SOCKET"\) .*\(only when unsetEnvironment is true\)`
	go func() { done <- notify.SendOpts(notify.Options{Unset: true}) }() // want `os\.Unsetenv\("NOTIFY_SOCKET"\) .*\(only when opts\.Unset is true\)`
	go func() { _ = exec.Command("true").Run() }()                       // want `inherits the whole environment`
	<-done
	<-done
}
