// Command deferred waits for its goroutines only when main returns.
package main

import (
	"os"
	"sync"
)

func main() {
	os.Setenv("API_TOKEN", "startup") // not reported: before the first goroutine
	var wg sync.WaitGroup
	wg.Go(func() {})
	defer wg.Wait()
	os.Setenv("API_TOKEN", "x") // want `^os\.Setenv\("API_TOKEN"\) reachable from main after its goroutines start`
}
