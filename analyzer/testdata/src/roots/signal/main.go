// Command signal reloads credentials in a goroutine that consumes
// signal.Notify's channel: a goroutine root like any other.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func reload(sig chan os.Signal) {
	for range sig {
		os.Setenv("SIGNAL_TOKEN", "reloaded") // want `^os\.Setenv\("SIGNAL_TOKEN"\) reachable from goroutine reload`
	}
}

func main() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGHUP)
	os.Setenv("SIGNAL_BOOT_TOKEN", "x") // not reported: before the consumer goroutine starts
	go reload(sig)
	http.ListenAndServe(":8080", nil)
}
