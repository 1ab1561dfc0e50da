// Package app writes APP_REGION and SVC_TOKEN from handlers, and copies
// the environment from others: a copy filtered of both does not race with
// the writes (issue 13, section 4).
package app

import (
	"net/http"
	"os"

	"snapshot/lib"
)

func setRegion(w http.ResponseWriter, r *http.Request) {
	os.Setenv("APP_REGION", r.URL.Query().Get("region")) // want `os\.Setenv\("APP_REGION"\)`
	os.Setenv("SVC_TOKEN", r.Header.Get("X-Token"))     // want `os\.Setenv\("SVC_TOKEN"\)`
}

func filtered(w http.ResponseWriter, r *http.Request) {
	_ = lib.WithoutNames() // not reported: APP_REGION and SVC_TOKEN are filtered out by name
}

func halfFiltered(w http.ResponseWriter, r *http.Request) {
	_ = lib.WithoutApp()   // want `os\.Environ\(\)`
	_ = lib.WithoutToken() // want `os\.Environ\(\)`
}

func unfiltered(w http.ResponseWriter, r *http.Request) {
	_ = lib.All() // want `os\.Environ\(\)`
}

func main() {
	http.HandleFunc("/set", setRegion)
	http.HandleFunc("/filtered", filtered)
	http.HandleFunc("/half", halfFiltered)
	http.HandleFunc("/all", unfiltered)
	http.ListenAndServe(":0", nil)
}
