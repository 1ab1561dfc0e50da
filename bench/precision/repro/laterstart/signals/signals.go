// Package signals leaves a goroutine running that handles signals and
// reads no environment variable (caddy's TrapSignals, go-task's signal
// handling in Executor.Run).
package signals

import (
	"os"
	"os/signal"
)

// Trap starts the signal loop and returns.
func Trap() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	go func() {
		<-c
		os.Exit(1)
	}()
}
