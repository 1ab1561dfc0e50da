// Package loaders holds the analyzer cases of issue 6's loader items:
// run-once bodies, methods of generic types behind interfaces, and the
// per-user directory lookups.
package loaders

import (
	"net/http"
	"os"
	"sync"
)

var (
	tokenOnce sync.Once
	token     string
)

// A read in a run-once body happens once, not once per request.
func onceDoRead(w http.ResponseWriter, r *http.Request) {
	tokenOnce.Do(func() {
		token = os.Getenv("API_TOKEN") // not reported: sync.Once.Do runs it once
	})
}

func onceFuncRead(w http.ResponseWriter, r *http.Request) {
	load := sync.OnceFunc(func() {
		token = os.Getenv("API_TOKEN") // not reported: sync.OnceFunc runs it once
	})
	load()
}

func onceValueRead(w http.ResponseWriter, r *http.Request) {
	get := sync.OnceValue(func() string {
		return os.Getenv("API_TOKEN") // not reported: sync.OnceValue runs it once
	})
	_ = get()
}

func onceValuesRead(w http.ResponseWriter, r *http.Request) {
	get := sync.OnceValues(func() (string, bool) {
		return os.LookupEnv("API_TOKEN") // not reported: sync.OnceValues runs it once
	})
	_, _ = get()
}

// A write in a run-once body still changes the environment under the
// other requests' feet.
func onceDoWrite(w http.ResponseWriter, r *http.Request) {
	tokenOnce.Do(func() {
		os.Setenv("REGION", "eu") // want `^os\.Setenv\("REGION"\) reachable from HTTP handler onceDoWrite`
	})
}

func onceFuncWrite(w http.ResponseWriter, r *http.Request) {
	set := sync.OnceFunc(func() {
		os.Setenv("REGION", "eu") // want `^os\.Setenv\("REGION"\) reachable from HTTP handler onceFuncWrite`
	})
	set()
}

func onceValueWrite(w http.ResponseWriter, r *http.Request) {
	set := sync.OnceValue(func() error {
		return os.Setenv("REGION", "eu") // want `^os\.Setenv\("REGION"\) reachable from HTTP handler onceValueWrite`
	})
	_ = set()
}

func onceValuesWrite(w http.ResponseWriter, r *http.Request) {
	unset := sync.OnceValues(func() (bool, error) {
		return true, os.Unsetenv("REGION") // want `^os\.Unsetenv\("REGION"\) reachable from HTTP handler onceValuesWrite`
	})
	_, _ = unset()
}

func register() {
	http.HandleFunc("/1", onceDoRead)
	http.HandleFunc("/2", onceFuncRead)
	http.HandleFunc("/3", onceValueRead)
	http.HandleFunc("/4", onceValuesRead)
	http.HandleFunc("/5", onceDoWrite)
	http.HandleFunc("/6", onceFuncWrite)
	http.HandleFunc("/7", onceValueWrite)
	http.HandleFunc("/8", onceValuesWrite)
}

// The same at package level, where run-once functions usually live.
var (
	loadToken   = sync.OnceValue(func() string { return os.Getenv("API_TOKEN") })
	setRegion   = sync.OnceFunc(func() { os.Setenv("REGION", "eu") })
	unsetRegion = sync.OnceValues(func() (bool, error) { return true, os.Unsetenv("REGION") })
)

func pkgOnceRead(w http.ResponseWriter, r *http.Request) {
	_ = loadToken() // not reported: sync.OnceValue runs the read once
}

func pkgOnceWrite(w http.ResponseWriter, r *http.Request) {
	setRegion()          // want `^os\.Setenv\("REGION"\) reachable from HTTP handler pkgOnceWrite .*: pkgOnceWrite calls setRegion, which calls os\.Setenv$`
	_, _ = unsetRegion() // want `^os\.Unsetenv\("REGION"\) reachable from HTTP handler pkgOnceWrite`
}

func registerPkgOnce() {
	http.HandleFunc("/9", pkgOnceRead)
	http.HandleFunc("/10", pkgOnceWrite)
}
