// Package main reproduces false-finding kind K3 of docs/precision.md (strict
// standard): a command-line tool fans one user's work out to goroutines, and
// each reads the user's cache directory (HOME, XDG_CACHE_HOME) or the user's
// cloud credentials. One user, one identity, and nothing in the program
// writes the environment: the goroutines can only ever see the same values.
package main

import (
	"os"
	"path/filepath"
	"sync"
)

// fetch clones one included repository into the user's cache.
func fetch(repo string) error {
	dir, err := os.UserCacheDir() // ok: the one user's cache, never written by the program
	if err != nil {
		return err
	}
	return os.MkdirAll(filepath.Join(dir, "tool", repo), 0o700)
}

func main() {
	var wg sync.WaitGroup
	for _, repo := range os.Args[1:] {
		wg.Go(func() { _ = fetch(repo) })
	}
	wg.Wait()
}
