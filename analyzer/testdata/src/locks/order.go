package locks

import (
	"net/http"
	"os"
	"sync"
)

// These swaps hold orderMu somewhere, but the write runs without it on
// some path; orderRead always holds it.
var orderMu sync.Mutex

func orderRead(w http.ResponseWriter, r *http.Request) {
	orderMu.Lock()
	defer orderMu.Unlock()
	_ = os.Getenv("ORDER_TAG")
	_ = os.Getenv("ORDER2_TAG")
}

// Deferred calls run last first: the Unlock deferred after the restore
// runs before it.
func deferOrder(w http.ResponseWriter, r *http.Request) {
	orderMu.Lock()
	old := os.Getenv("ORDER_TAG")
	defer os.Setenv("ORDER_TAG", old) // want `os\.Setenv\("ORDER_TAG"\) reachable from HTTP handler deferOrder \(race: may race`
	defer orderMu.Unlock()
	os.Setenv("ORDER_TAG", "x") // want `os\.Setenv\("ORDER_TAG"\) reachable from HTTP handler deferOrder \(race: holds orderMu, but os\.Setenv\("ORDER_TAG"\) in deferOrder does not`
}

// An Unlock on an early-return path: the deferred restore runs unlocked
// on that path.
func deferEarly(w http.ResponseWriter, r *http.Request) {
	orderMu.Lock()
	defer os.Unsetenv("ORDER_TAG") // want `os\.Unsetenv\("ORDER_TAG"\) reachable from HTTP handler deferEarly \(race: may race`
	if r.URL.Query().Has("fast") {
		orderMu.Unlock()
		return
	}
	orderMu.Unlock()
}

// An Unlock in a branch that falls through releases the lock after the
// branch too.
func branchUnlock(w http.ResponseWriter, r *http.Request) {
	orderMu.Lock()
	if r.URL.Query().Has("fast") {
		orderMu.Unlock()
	} else {
		defer orderMu.Unlock()
	}
	os.Setenv("ORDER_TAG", "y") // want `os\.Setenv\("ORDER_TAG"\) reachable from HTTP handler branchUnlock \(race: may race`
}

// A literal written under the lock but called after the Unlock holds
// nothing.
func laterClosure(w http.ResponseWriter, r *http.Request) {
	orderMu.Lock()
	set := func(v string) { os.Setenv("ORDER_TAG", v) } // want `os\.Setenv\("ORDER_TAG"\) reachable from HTTP handler laterClosure \(race: may race`
	orderMu.Unlock()
	set("z")
}

// A deferred literal that takes the lock itself holds it.
func deferredLocked(w http.ResponseWriter, r *http.Request) {
	orderMu.Lock()
	old := os.Getenv("ORDER2_TAG")
	orderMu.Unlock()
	defer func() {
		orderMu.Lock()
		os.Setenv("ORDER2_TAG", old) // ok: under orderMu, which every access of ORDER2_TAG holds
		orderMu.Unlock()
	}()
}

// go os.Setenv(...) runs in a new goroutine: reported, holding nothing.
func goSetenv(w http.ResponseWriter, r *http.Request) {
	orderMu.Lock()
	defer orderMu.Unlock()
	go os.Setenv("GO_TAG", "x") // want `os\.Setenv\("GO_TAG"\) reachable from HTTP handler goSetenv \(race: may race`
}

func registerOrder() {
	http.HandleFunc("/or", orderRead)
	http.HandleFunc("/o1", deferOrder)
	http.HandleFunc("/o2", deferEarly)
	http.HandleFunc("/o3", branchUnlock)
	http.HandleFunc("/o4", laterClosure)
	http.HandleFunc("/o5", deferredLocked)
	http.HandleFunc("/o6", goSetenv)
}
