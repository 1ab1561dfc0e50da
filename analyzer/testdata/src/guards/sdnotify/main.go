// Command sdnotify tells the service manager it is ready from goroutines,
// always passing false where notify would unset NOTIFY_SOCKET: nothing
// writes the environment, so the child process races with nothing.
package main

import (
	"os/exec"

	"guards/notify"
)

func main() {
	done := make(chan string)
	go func() { done <- notify.Send(false, "READY=1") }()                     // not reported: Send(false) never unsets NOTIFY_SOCKET
	go func() { done <- notify.SendOpts(notify.Options{State: "READY=1"}) }() // not reported: Unset is left out
	go func() { _ = exec.Command("true").Run() }()                            // not reported: no write of the environment in view
	<-done
	<-done
}
