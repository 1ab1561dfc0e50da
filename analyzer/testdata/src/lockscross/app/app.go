// Package app swaps ZONE_TAG under a mutex that one reader, in another
// package, does not hold (issue 13, section 4).
package app

import (
	"net/http"
	"os"
	"sync"

	"lockscross/lib"
)

var mu sync.Mutex

func swap(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	os.Setenv("ZONE_TAG", "x") // want `os\.Setenv\("ZONE_TAG"\) reachable from HTTP handler swap \(race: holds mu, but os\.Getenv\("ZONE_TAG"\) in lib\.Zone does not`
}

func lockedRead(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	_ = lib.Zone() // not reported: holds mu, like the swap
	mu.Unlock()
}

func unlockedRead(w http.ResponseWriter, r *http.Request) {
	_ = lib.Zone() // not reported: ZONE_TAG is not a credential; the swap's finding names this reader
}

func main() {
	http.HandleFunc("/swap", swap)
	http.HandleFunc("/locked", lockedRead)
	http.HandleFunc("/unlocked", unlockedRead)
	http.ListenAndServe(":0", nil)
}
