// Command rotator keeps resolving hostnames in background goroutines while the
// main goroutine rewrites a session token in the environment.
//
// Ported from /work/shared/cases/10-setenv-runtime-vs-init-cgo-getenv.
package main

import (
	"fmt"
	"net"
	"os"
	"sync"
	"time"
)

func init() {
	os.Setenv("TZ", "UTC") // not reported: init runs on the main goroutine before main starts any goroutine
}

func refreshToken(i int) string { return fmt.Sprintf("example-session-%d", i) }

func main() {
	os.Setenv("APP_SESSION_TOKEN", refreshToken(0)) // not reported: still before the first goroutine is started

	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				_, _ = net.LookupHost("localhost") // cgo path: getaddrinfo -> getenv("LOCALDOMAIN"), getenv("RES_OPTIONS")
			}
		})
	}

	for i := 1; i <= 1000; i++ {
		os.Setenv("APP_SESSION_TOKEN", refreshToken(i)) // setenv-concurrent: main goroutine after goroutines started // want `^os\.Setenv\("APP_SESSION_TOKEN"\) reachable from main after its goroutines start \(race: may race with concurrent reads and writes of the environment\)$`
		time.Sleep(time.Millisecond)
	}
	close(stop)
	wg.Wait()

	os.Unsetenv("APP_SESSION_TOKEN") // not reported: after wg.Wait every goroutine has exited
}

// currentToken is the fix: keep the rotating secret in Go memory.
var tokenMu sync.RWMutex
var token string

func setToken(v string) { tokenMu.Lock(); token = v; tokenMu.Unlock() } // not reported: Go variable under a lock, not the env
func currentToken() string {
	tokenMu.RLock()
	defer tokenMu.RUnlock()
	return token
}

var _ = currentToken
var _ = setToken
