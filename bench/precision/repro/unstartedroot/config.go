// Package unstartedroot reproduces false-finding kind K8 of docs/precision.md
// (strict standard, third set), in the shape of hydra's driver/config: a
// serial test sets variables of computed names after calling a constructor
// that starts goroutines (here: none, it is given no files; they would read
// nothing anyway), and the package's non-test code has another goroutine
// that reads the environment (ReloadCerts' error logger), which the test
// never starts. The test's write is reported as racing with it.
package unstartedroot

import (
	"context"
	"fmt"
	"os"

	"github.com/credlint/credlint/bench/precision/repro/unstartedroot/watch"
)

// MustNew loads the configuration from the given files.
func MustNew(ctx context.Context, files ...string) *watch.Settings {
	return watch.New(ctx, files...)
}

// ReloadCerts logs the errors of a certificate reloader until errs is
// closed; only the server calls it.
func ReloadCerts(errs <-chan error) {
	go func() {
		for err := range errs {
			if os.Getenv("LOG_COLOR") != "0" { // ok: read by the server's goroutine only
				fmt.Fprintln(os.Stderr, "\x1b[31m", err, "\x1b[0m")
			}
		}
	}()
}
