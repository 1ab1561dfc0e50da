// Command delegate starts its goroutines in the functions main delegates
// to: their statements after the start are concurrent, and so are main's
// after the call.
package main

import (
	"os"

	"regions/startlib"
)

func watch() {
	for range 3 {
		_ = os.Getenv("APP_MODE") // not reported: not a credential, and a read
	}
}

// setup is called only from main's sequential part: its own statements
// have the same before and after regions as main's.
func setup() {
	os.Setenv("APP_MODE", "setup") // not reported: no goroutine has started yet
	go watch()
	os.Setenv("APP_MODE", "watching") // want `^os\.Setenv\("APP_MODE"\) reachable from setup after its goroutines start \(race: may race with os\.Getenv\("APP_MODE"\) in watch\)`
}

func configure() {
	os.Setenv("CHART_PATH", "/charts") // not reported here: configure is not always concurrent; reported where main's region calls it
}

func main() {
	os.Setenv("CHART_PATH", "/boot") // not reported: before setup starts its goroutine
	setup()
	configure()        // not reported: nothing in view reads CHART_PATH, and the write is in a callee, not in main's own statements
	startlib.Execute() // want `^os\.Setenv\("APP_MODE"\) reachable from main after its goroutines start \(race: may race with os\.Getenv\("APP_MODE"\) in watch\): main calls startlib\.Execute, which calls os\.Setenv$`
}
