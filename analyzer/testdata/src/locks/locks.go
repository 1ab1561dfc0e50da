// Package locks swaps environment variables under mutexes. A swap is safe
// only when every access of the variable that may run at the same time
// holds the same mutex.
package locks

import (
	"net/http"
	"os"
	"sync"
)

var envMu sync.Mutex

// guardedSwap and guardedRead both hold envMu around REGION: silent.
func guardedSwap(w http.ResponseWriter, r *http.Request) {
	envMu.Lock()
	defer envMu.Unlock()
	old := os.Getenv("REGION")
	os.Setenv("REGION", r.URL.Query().Get("region")) // ok: every access of REGION holds envMu
	work()
	os.Setenv("REGION", old) // ok: every access of REGION holds envMu
}

func guardedRead(w http.ResponseWriter, r *http.Request) {
	envMu.Lock()
	region := os.Getenv("REGION")
	envMu.Unlock()
	_ = region
}

// readRegionLocked reads REGION; its only caller holds envMu.
func readRegionLocked() string { return os.Getenv("REGION") }

func guardedThroughHelper(w http.ResponseWriter, r *http.Request) {
	envMu.Lock()
	_ = readRegionLocked()
	envMu.Unlock()
}

func work() {}

// ZONE is swapped under envMu but read without it.
func zoneSwap(w http.ResponseWriter, r *http.Request) {
	envMu.Lock()
	defer envMu.Unlock()
	os.Setenv("ZONE", "x") // want `os.Setenv\("ZONE"\) reachable from HTTP handler zoneSwap \(holds envMu, but os.Getenv\("ZONE"\) in zoneRead does not: may race with it\)`
}

func zoneRead(w http.ResponseWriter, r *http.Request) {
	_ = os.Getenv("ZONE")
}

// A write after Unlock holds nothing.
func afterUnlock(w http.ResponseWriter, r *http.Request) {
	envMu.Lock()
	envMu.Unlock()
	os.Setenv("PORT_HINT", "y") // want `os.Setenv\("PORT_HINT"\) reachable from HTTP handler afterUnlock \(may race with concurrent reads and writes of the environment\)`
}

// A struct's mutex field names one lock for every value of the type, and
// an embedded mutex is the embedding type's.
type store struct {
	mu sync.RWMutex
}

type guarded struct {
	sync.Mutex
}

var (
	st store
	gd guarded
)

func (s *store) swapLang(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	os.Setenv("LANG_TAG", "fr") // ok: the reader holds (store).mu too
	s.mu.Unlock()
}

func (s *store) readLang(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	_ = os.Getenv("LANG_TAG")
}

func embeddedSwap(w http.ResponseWriter, r *http.Request) {
	gd.Lock()
	defer gd.Unlock()
	os.Setenv("THEME", "dark") // want `holds guarded\.Mutex, but os\.Getenv\("THEME"\) in themeRead does not`
}

func themeRead(w http.ResponseWriter, r *http.Request) {
	envMu.Lock() // another lock does not help
	defer envMu.Unlock()
	_ = os.Getenv("THEME")
}

// A goroutine started under a lock does not hold it.
func spawnUnderLock(w http.ResponseWriter, r *http.Request) {
	envMu.Lock()
	defer envMu.Unlock()
	go func() {
		os.Setenv("PORT_HINT", "z") // want `os\.Setenv\("PORT_HINT"\) reachable from goroutine in spawnUnderLock`
	}()
}

func register() {
	http.HandleFunc("/a", guardedSwap)
	http.HandleFunc("/b", guardedRead)
	http.HandleFunc("/c", guardedThroughHelper)
	http.HandleFunc("/d", zoneSwap)
	http.HandleFunc("/e", zoneRead)
	http.HandleFunc("/f", afterUnlock)
	http.HandleFunc("/g", st.swapLang)
	http.HandleFunc("/h", st.readLang)
	http.HandleFunc("/i", embeddedSwap)
	http.HandleFunc("/j", themeRead)
	http.HandleFunc("/k", spawnUnderLock)
}
