// Package main reproduces false-finding kind K10 of docs/precision.md
// (strict standard, third set), in the shape of cloud-sql-proxy's
// runSignalWrapper: goroutines call notify.Send(false, ...), whose write
// (os.Unsetenv) runs only when its boolean parameter is true. Every call
// passes the constant false, so the program never writes the environment;
// the write is reported, and every other access of the program "races"
// with it (cloud-sql-proxy: 17 of 23 findings name it).
package main

import (
	"os"
	"os/exec"

	"github.com/credlint/credlint/bench/precision/repro/constguard/notify"
)

func main() {
	ready := make(chan error)
	go func() { ready <- notify.Send(false, "READY=1") }()
	go func() { _ = exec.Command(os.Args[1]).Run() }() // ok: the Unsetenv never runs, nothing writes (K10, fixed)
	go func() { _ = notify.Send(false, "STOPPING=1") }()
	<-ready
}
