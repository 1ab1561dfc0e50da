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

// Same compares in a goroutine that reads BG_TOKEN and receives its
// result before it returns (go-cmp's Equal): nothing outlives the call.
func Same(x, y string) bool {
	c := make(chan bool)
	go compare(c, x, y)
	got := <-c
	return got
}

func compare(c chan<- bool, x, y string) {
	ok := false
	defer func() { c <- ok }()
	ok = x == y || os.Getenv("BG_TOKEN") != "" // not reported: a read with no write in this package
}

// SameOrGiveUp stops waiting when ready fires first: the comparison may
// still run when it returns.
func SameOrGiveUp(x, y string, ready <-chan struct{}) bool {
	c := make(chan bool)
	go compare(c, x, y)
	select {
	case got := <-c:
		return got
	case <-ready:
		return false
	}
}
