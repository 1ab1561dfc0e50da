// Command closer collects results while its workers run: the wg.Wait in the
// closer goroutine does not end main's concurrent region.
package main

import (
	"os"
	"sync"
)

func worker(wg *sync.WaitGroup, out chan<- string) {
	defer wg.Done()
	out <- os.Getenv("LAST_RESULT_TOKEN") // sees main's writes, so the region's write below is observed // want `^os\.Getenv\("LAST_RESULT_TOKEN"\) reads a credential reachable from goroutine worker`
}

func main() {
	var wg sync.WaitGroup
	results := make(chan string)
	for range 3 {
		wg.Add(1)
		go worker(&wg, results)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	for r := range results {
		os.Setenv("LAST_RESULT_TOKEN", r) // want `^os\.Setenv\("LAST_RESULT_TOKEN"\) reachable from main after its goroutines start`
	}
}
