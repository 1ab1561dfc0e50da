package main

import "syscall"

// childProcAttr puts a go command in a process group of its own and has
// the kernel interrupt it when credlint dies (see gocmd.go). The signal
// comes when the thread that started the child exits; the Go runtime
// keeps its threads for the life of the process.
func childProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGINT}
}
