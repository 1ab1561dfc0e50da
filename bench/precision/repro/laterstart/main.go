// Package main reproduces false-finding kind K5 of docs/precision.md
// (strict standard): a write after a call that leaves a goroutine running,
// which that goroutine cannot see. caddy's cmdRun traps signals (another
// package's goroutine that reads no variable), loads an environment file
// (writes of computed names), and only then starts the goroutine that
// watches the configuration file, whose reads were taken as racing with
// those writes.
package main

import (
	"os"
	"strings"

	"github.com/credlint/credlint/bench/precision/repro/laterstart/signals"
)

func main() {
	signals.Trap()
	for _, line := range os.Args[1:] {
		if k, v, ok := strings.Cut(line, "="); ok {
			os.Setenv(k, v) // ok: the signal loop reads nothing, and watch starts below
		}
	}
	go watch()
	select {}
}

func watch() {
	_ = os.Getenv("CONFIG_TOKEN") // ok: started after every write of the program
}
