//go:build unix && !linux

package main

import "syscall"

// childProcAttr puts a go command in a process group of its own (see
// gocmd.go); this platform has no parent-death signal.
func childProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
