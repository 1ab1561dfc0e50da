// Package main reproduces false-finding kind K15 of docs/precision.md
// (fourth set), in the shape of the GitHub CLI's keyring wrapper
// (internal/keyring) over zalando/go-keyring and godbus: the secret-store
// call runs in a goroutine that the caller waits for, or gives up on after a
// timeout; the store's bus lookup may run dbus-launch and set the variable
// named by the first line of its output, which is always
// DBUS_SESSION_BUS_ADDRESS. The write's name is data (a child's output), so
// it is taken as a write of any name, and every later read of the program
// (the token and config-directory lookups after the keyring call) "races"
// with it; no read of DBUS_SESSION_BUS_ADDRESS runs beside it.
package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/credlint/credlint/bench/precision/repro/childname/bus"
)

// secret asks the session bus for the stored token, giving up after a minute
// (the goroutine then goes on alone: the region after the call is real).
func secret() (string, error) {
	ch := make(chan string, 1)
	go func() { ch <- bus.Address() }()
	select {
	case addr := <-ch:
		return addr, nil
	case <-time.After(time.Minute):
		return "", errors.New("timeout while trying to get secret from keyring")
	}
}

func main() {
	if _, err := secret(); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	fmt.Println(os.Getenv("GH_TOKEN") != "")      // still reported (K15): the only write is of dbus-launch's DBUS_SESSION_BUS_ADDRESS
	fmt.Println(os.Getenv("GH_CONFIG_DIR") != "") // still reported (K15): as above
}
