// Package bglib starts goroutines that outlive the call: one that reads
// BG_TOKEN, one that reads no variable (a signal loop), and one started
// through a callee. Importers learn what those goroutines read through the
// Background fact, so that a write after the call is a race only when
// what runs alongside can see it.
package bglib

import (
	"os"
	"os/signal"
)

// StartReader leaves a goroutine running that reads BG_TOKEN.
func StartReader() {
	go func() {
		_ = os.Getenv("BG_TOKEN") // not reported: a read with no write in this package
	}()
}

// StartQuiet leaves a signal loop running that reads no variable.
func StartQuiet() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	go func() {
		<-c
		os.Exit(1)
	}()
}

// StartNested starts the reader through a callee.
func StartNested() {
	StartQuiet()
	StartReader()
}

// RunOrWatch runs once, or watches forever: it never returns while the
// watcher it starts runs (go-task's Executor.Run and watchTasks).
func RunOrWatch(watch bool) {
	if watch {
		watchForever()
	}
}

func watchForever() {
	StartReader()
	<-make(chan struct{})
}
