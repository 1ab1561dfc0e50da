// Kind: a home/data-dir locator read for a file path in a background goroutine;
// nothing in the program writes HOME.
package main

import (
	"os"
	"path/filepath"
	"time"
)

func dataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" { // ok: locator for the app's own data dir, never written
		return filepath.Join(d, "app")
	}
	home, _ := os.UserHomeDir() // ok: same
	return filepath.Join(home, ".local", "share", "app")
}

func cleanOld(dir string) { os.RemoveAll(filepath.Join(dir, "tmp")) }

func main() {
	go func() {
		for range time.Tick(time.Hour) {
			cleanOld(dataDir())
		}
	}()
	select {}
}
