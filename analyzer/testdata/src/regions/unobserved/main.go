// Command unobserved starts goroutines of its own package that never touch
// the environment, then writes it: the statements after the start run in
// one sequence, and nothing running alongside them can see the write, so
// it is no race (a real program's signal loop followed by socket
// activation unsetting LISTEN_FDS). A goroutine that reads the variable
// makes the same write a finding, once it has started.
package main

import (
	"os"
	"os/exec"
	"os/signal"
)

func watchSignals() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	<-c
}

func main() {
	go watchSignals()
	os.Unsetenv("LISTEN_FDS")      // not reported: no goroutine in view reads or writes it
	_ = exec.Command("true").Run() // not reported: the region's own write runs before it, in sequence
	os.Setenv("APP_MODE", "boot")  // not reported: the goroutine below that reads it starts after this write
	go func() { _ = os.Getenv("APP_MODE") }()
	os.Setenv("APP_MODE", "serve") // want `^os\.Setenv\("APP_MODE"\) reachable from main after its goroutines start`
}
