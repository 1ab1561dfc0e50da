// Package main reproduces false-finding kind K17 of docs/precision.md
// (fourth set), in the shape of the GitHub CLI's release download
// (downloadAssets): a pool of workers ranges over a jobs channel, the caller
// sends every job, closes the channel, and receives exactly one result per
// job before it returns. Once the last result is in, every worker has
// finished its work and only sees the closed channel; the caller's later
// statements (here, the next round's write) are taken as running beside
// the workers' reads.
package main

import (
	"fmt"
	"os"
)

func fetch(name string) error {
	if os.Getenv("GH_TOKEN") == "" { // still reported (K17): paired with the write in main, which no worker runs beside
		return fmt.Errorf("%s: not logged in", name)
	}
	return nil
}

// fetchAll downloads every asset with n workers and returns the last error.
func fetchAll(names []string, n int) error {
	jobs := make(chan string, len(names))
	results := make(chan error, len(names))
	for w := 0; w < n; w++ {
		go func() {
			for name := range jobs {
				results <- fetch(name)
			}
		}()
	}
	for _, name := range names {
		jobs <- name
	}
	close(jobs)
	var last error
	for range names {
		if err := <-results; err != nil {
			last = err
		}
	}
	return last
}

func main() {
	for _, dir := range os.Args[1:] {
		os.Setenv("GH_TOKEN", dir) // still reported (K17): the previous round's workers have all returned their one result each
		fmt.Println(fetchAll([]string{"a.tgz", "b.zip"}, 2))
	}
}
