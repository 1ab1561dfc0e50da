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
	os.Setenv("ZONE", "x") // want `os.Setenv\("ZONE"\) reachable from HTTP handler zoneSwap \(race: holds envMu, but os.Getenv\("ZONE"\) in zoneRead does not, so it may race with it\)`
}

func zoneRead(w http.ResponseWriter, r *http.Request) {
	_ = os.Getenv("ZONE")
}

// A write after Unlock holds nothing.
func afterUnlock(w http.ResponseWriter, r *http.Request) {
	envMu.Lock()
	envMu.Unlock()
	os.Setenv("PORT_HINT", "y") // want `os.Setenv\("PORT_HINT"\) reachable from HTTP handler afterUnlock \(race: may race with concurrent reads and writes of the environment\)`
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

// Through the package-level variable, st.mu is one lock.
func swapLang(w http.ResponseWriter, r *http.Request) {
	st.mu.Lock()
	os.Setenv("LANG_TAG", "fr") // ok: the reader holds st.mu too (as a read lock)
	st.mu.Unlock()
}

func readLang(w http.ResponseWriter, r *http.Request) {
	st.mu.RLock()
	defer st.mu.RUnlock()
	_ = os.Getenv("LANG_TAG")
}

// Through a receiver, each value of store has its own mutex (a tenant's):
// not a lock every request shares.
func (s *store) swapTenant(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	os.Setenv("TENANT_TAG", "a") // want `os\.Setenv\("TENANT_TAG"\) reachable from HTTP handler \(\*store\)\.swapTenant \(race: may race with os\.Getenv\("TENANT_TAG"\) in swapTenant\)`
	_ = os.Getenv("TENANT_TAG")
}

// A local mutex serialises nothing between requests.
func localLock(w http.ResponseWriter, r *http.Request) {
	var mu sync.Mutex
	mu.Lock()
	defer mu.Unlock()
	os.Setenv("LOCAL_TAG", "x") // want `os\.Setenv\("LOCAL_TAG"\) reachable from HTTP handler localLock \(race: may race`
}

// A deferred restore runs at return, after the explicit Unlock.
func deferredRestore(w http.ResponseWriter, r *http.Request) {
	envMu.Lock()
	old := os.Getenv("DEFER_TAG")
	defer os.Setenv("DEFER_TAG", old) // want `os\.Setenv\("DEFER_TAG"\) reachable from HTTP handler deferredRestore \(race: may race`
	os.Setenv("DEFER_TAG", "tmp")     // want `os\.Setenv\("DEFER_TAG"\) reachable from HTTP handler deferredRestore \(race: holds envMu, but os\.Setenv\("DEFER_TAG"\) in deferredRestore does not`
	envMu.Unlock()
}

// An Unlock on an early-return path releases the lock for the rest of
// that block.
func earlyUnlock(w http.ResponseWriter, r *http.Request) {
	envMu.Lock()
	if r.URL.Query().Has("fast") {
		envMu.Unlock()
		os.Setenv("FAST_TAG", "x") // want `os\.Setenv\("FAST_TAG"\) reachable from HTTP handler earlyUnlock \(race: may race`
		return
	}
	os.Setenv("FAST_TAG", "y") // want `holds envMu, but os\.Setenv\("FAST_TAG"\) in earlyUnlock does not`
	envMu.Unlock()
}

// A read lock protects reads, never a write.
var rw sync.RWMutex

func writeUnderRLock(w http.ResponseWriter, r *http.Request) {
	rw.RLock()
	defer rw.RUnlock()
	os.Setenv("RW_TAG", "x") // want `os\.Setenv\("RW_TAG"\) reachable from HTTP handler writeUnderRLock \(race: may race`
}

// A labelled Unlock ends the region too.
func labelled(w http.ResponseWriter, r *http.Request) {
	envMu.Lock()
	os.Setenv("LABEL_TAG", "1") // want `holds envMu, but os\.Setenv\("LABEL_TAG"\) in labelled does not`
	goto done
done:
	envMu.Unlock()
	os.Setenv("LABEL_TAG", "2") // want `os\.Setenv\("LABEL_TAG"\) reachable from HTTP handler labelled \(race: may race`
}

func embeddedSwap(w http.ResponseWriter, r *http.Request) {
	gd.Lock()
	defer gd.Unlock()
	os.Setenv("THEME", "dark") // want `holds gd\.Mutex, but os\.Getenv\("THEME"\) in themeRead does not`
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
	http.HandleFunc("/g", swapLang)
	http.HandleFunc("/h", readLang)
	http.HandleFunc("/l", st.swapTenant)
	http.HandleFunc("/m", localLock)
	http.HandleFunc("/n", deferredRestore)
	http.HandleFunc("/o", earlyUnlock)
	http.HandleFunc("/p", writeUnderRLock)
	http.HandleFunc("/q", labelled)
	http.HandleFunc("/i", embeddedSwap)
	http.HandleFunc("/j", themeRead)
	http.HandleFunc("/k", spawnUnderLock)
}
