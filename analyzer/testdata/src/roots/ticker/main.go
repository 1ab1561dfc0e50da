// Command ticker refreshes a credential in a goroutine driven by a
// time.Ticker: the loop body is a goroutine root like any other.
package main

import (
	"os"
	"time"
)

func refresh(t *time.Ticker) {
	for range t.C {
		os.Setenv("TICKER_TOKEN", "fresh") // want `^os\.Setenv\("TICKER_TOKEN"\) reachable from goroutine refresh`
	}
}

// tickOnce runs its ticker loop on main's goroutine, before anything starts.
func tickOnce(t *time.Ticker) {
	for range 1 {
		<-t.C
		os.Setenv("TICKER_BOOT_TOKEN", "x") // not reported: runs in main before any goroutine starts
	}
}

func main() {
	t := time.NewTicker(time.Minute)
	tickOnce(t)
	go refresh(t)
	go func() {
		for range time.Tick(time.Second) {
			_ = os.Getenv("TICKER_TOKEN") // want `^os\.Getenv\("TICKER_TOKEN"\) reads a credential reachable from goroutine in main \(race: may see another request's value: races with os\.Setenv\("TICKER_TOKEN"\) in refresh\)`
		}
	}()
	select {}
}
