// Command cmd holds the silent shapes of main: the statements before the
// first goroutine and after the join are not concurrent.
package main

import (
	"os"
	"sync"
)

// configure runs from main before any goroutine starts, and from nowhere
// else.
func configure() {
	os.Setenv("APP_MODE", "server") // not reported: only main calls configure, before its first go statement
}

func work() {
	_ = os.Getenv("LOG_LEVEL") // not reported: not a credential, and nothing writes it
}

func main() {
	configure()
	_ = os.Getenv("DATABASE_URL") // not reported: main before its first goroutine
	var wg sync.WaitGroup
	wg.Go(work)
	_ = os.Getenv("HOSTNAME") // not reported: concurrent, but not a credential and nothing writes it
	wg.Wait()
	os.Unsetenv("DATABASE_URL")            // not reported: after wg.Wait every goroutine has exited
	os.Setenv("DATABASE_URL", "postgres:") // not reported: same
}
