// Package pkgvar stores root literals in package-level variables.
package pkgvar

import (
	"net/http"
	"os"
)

var handle = func(w http.ResponseWriter, r *http.Request) {
	os.Setenv("PKGVAR_TOKEN", r.Header.Get("X-Token")) // want `os\.Setenv\("PKGVAR_TOKEN"\) reachable from HTTP handler`
}

var work = func() {
	os.Setenv("WORKER_TOKEN", "w") // want `os\.Setenv\("WORKER_TOKEN"\) reachable from goroutine`
}

var reassigned = func() {
	os.Setenv("REASSIGNED_TOKEN", "w") // not reported: the variable is assigned twice, so go reassigned() may run either
}

func Serve() {
	http.HandleFunc("/", handle)
	go work()
	reassigned = func() {}
	go reassigned()
}
