// Package unstarted has a goroutine in its non-test code that reads the
// environment (a certificate reloader's error logger, hydra's shape) and
// that its tests never start: a serial test's region races only with what
// the test starts (issue 13, K8).
package unstarted

import (
	"fmt"
	"os"

	"regions/bglib"
)

// ReloadCerts logs errors until errs is closed; only the server calls it.
func ReloadCerts(errs <-chan error) {
	go func() {
		for err := range errs {
			if os.Getenv("LOG_COLOR") != "0" { // not reported: a read with no write in this package's non-test code
				fmt.Fprintln(os.Stderr, err)
			}
		}
	}()
}

// New loads the settings and leaves a signal loop running that reads
// nothing.
func New() {
	bglib.StartQuiet()
}
