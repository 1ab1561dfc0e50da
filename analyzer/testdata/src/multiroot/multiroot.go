// Package multiroot has one helper reached from two handlers: one finding,
// reported with the first root in source order and a count of the others.
package multiroot

import (
	"net/http"
	"os"
)

func putenv(v string) {
	os.Setenv("SHARED_TOKEN", v) // want `^os\.Setenv\("SHARED_TOKEN"\) reachable from HTTP handler a and 1 other root \(.*\): a calls putenv, which calls os\.Setenv$`
}

func a(w http.ResponseWriter, r *http.Request) { putenv("a") }

func b(w http.ResponseWriter, r *http.Request) { putenv("b") }

func init() {
	http.HandleFunc("/a", a)
	http.HandleFunc("/b", b)
}
