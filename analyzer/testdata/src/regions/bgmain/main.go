// Command bgmain writes the environment after calls that leave another
// package's goroutines running: a write is a race only with what runs at
// that point and can read the variable (issue 13, K5).
package main

import (
	"os"

	"regions/bglib"
)

// Each function below has regions of its own; main calls one, so that
// their goroutines do not run alongside each other's writes.
func main() {
	quiet()
}

var _, _, _, _ = reader, nested, later, once

func quiet() {
	bglib.StartQuiet()
	os.Setenv("BG_TOKEN", "a") // not reported: the signal loop StartQuiet leaves running reads no variable
}

func reader() {
	os.Setenv("BG_TOKEN", "a") // not reported: before any goroutine starts
	bglib.StartReader()
	os.Setenv("BG_TOKEN", "b") // want `^os\.Setenv\("BG_TOKEN"\) reachable from reader after its goroutines start \(race: may race with os\.Getenv\("BG_TOKEN"\)`
}

func once() {
	bglib.RunOrWatch(false)
	os.Setenv("BG_TOKEN", "c") // not reported: RunOrWatch never returns while its watcher runs
}

func nested() {
	bglib.StartNested()
	os.Unsetenv("BG_TOKEN") // want `^os\.Unsetenv\("BG_TOKEN"\) reachable from nested after its goroutines start`
}

// later loads a file of variables (computed names) while only the signal
// loop runs, then starts the watcher that reads one of them.
func later(file map[string]string) {
	bglib.StartQuiet()
	for k, v := range file {
		os.Setenv(k, v) // not reported: watch, which reads WATCH_TOKEN, starts only below
	}
	go watch()
	os.Setenv("WATCH_TOKEN", "y") // want `^os\.Setenv\("WATCH_TOKEN"\) reachable from later after its goroutines start \(race: may race with os\.Getenv\("WATCH_TOKEN"\) in watch\)`
}

func watch() {
	_ = os.Getenv("WATCH_TOKEN") // want `^os\.Getenv\("WATCH_TOKEN"\) reads a credential reachable from goroutine watch \(race: .*os\.Setenv\("WATCH_TOKEN"\)`
}
