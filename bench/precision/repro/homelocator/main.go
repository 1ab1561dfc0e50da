// Kind: a home/data-dir locator read for a file path in a background goroutine;
// nothing in the program writes HOME.
package main

import (
	"os"
	"path/filepath"
	"time"
)

func dataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" { // still reported: the analysed code reads a locator itself (docs/precision.md, kind C)
		return filepath.Join(d, "app")
	}
	home, _ := os.UserHomeDir() // still reported, as above
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
