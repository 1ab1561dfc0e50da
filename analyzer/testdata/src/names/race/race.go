// Package main writes names in a handler and reads, on goroutines, names
// the program builds: a family with a known prefix or suffix races with a
// write of a name in it, whatever builds the read's name; a name of
// unknown origin with no known part is paired with no write (issue 13,
// K13).
package main

import (
	"fmt"
	"net/http"
	"os"

	"names/lib"
)

func login(w http.ResponseWriter, r *http.Request) {
	os.Setenv("APP_INSTANCE_1", r.Header.Get("X-Instance")) // want `^os\.Setenv\("APP_INSTANCE_1"\) reachable from HTTP handler login`
	os.Setenv("GOOGLE_APPLICATION_CREDENTIALS", "/tmp/x")   // want `^os\.Setenv\("GOOGLE_APPLICATION_CREDENTIALS"\) reachable from HTTP handler login`
	os.Setenv("TENANT_"+r.Header.Get("X-Tenant"), "1") // want `^os\.Setenv\(<name starting "TENANT_">\) reachable from HTTP handler login`
	for k, v := range r.URL.Query() {
		os.Setenv(k, v[0]) // want `^os\.Setenv\(<dynamic name>\) reachable from HTTP handler login`
	}
}

func poll(names map[string]string) {
	for i := 0; i < 3; i++ {
		_ = lib.Instance(i) // want `^os\.Getenv\(<name starting "APP_INSTANCE_">\) reads a variable named at run time, reachable from goroutine poll \(race: may see another request's value: races with os\.Setenv\("APP_INSTANCE_1"\) in login\)`
		_ = os.Getenv(fmt.Sprintf("OTHER_%d", i)) // not reported: no write in view can be OTHER_<n> (the data-named write is not paired with a name the program builds)
	}
	_ = lib.Settings{Prefix: "X"}.Region() // not reported: TENANT_* and *_region share no known side
	for k := range names {
		_ = os.Getenv(k) // not reported: neither this name nor the handler's data-named write has a known part
	}
}

func main() {
	go poll(map[string]string{})
	http.HandleFunc("/login", login)
	http.ListenAndServe(":8080", nil)
}
