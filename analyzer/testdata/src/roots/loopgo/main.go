// Command loopgo starts its goroutines in the loop that also writes the
// environment: later iterations write while earlier goroutines run.
package main

import (
	"os"
	"sync"
)

func worker(name string) {
	_ = os.Getenv("LOOP_API_KEY") // want `os\.Getenv\("LOOP_API_KEY"\) reads a credential reachable from goroutine in main \(race: may see another request's value: races with os\.Setenv\("LOOP_API_KEY"\) in main\)`
}

func main() {
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b"} {
		os.Setenv("LOOP_API_KEY", name) // want `os\.Setenv\("LOOP_API_KEY"\) reachable from main after its goroutines start`
		wg.Add(1)
		go func() {
			defer wg.Done()
			worker(name)
		}()
	}
	wg.Wait()
	for range 2 {
		os.Setenv("JOINED_TOKEN", "x") // not reported: each iteration joins its goroutine before the next write
		wg.Add(1)
		go func() { defer wg.Done() }()
		wg.Wait()
	}
}
