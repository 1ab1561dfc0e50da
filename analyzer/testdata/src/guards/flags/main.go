// Command flags writes variables from a worker through guarded setters:
// each write races only with reads of the names it can write.
package main

import (
	"os"

	"guards/apilib"
)

func worker(k, v string) {
	apilib.SetFlag(k, v) // want `os\.Setenv\("SOME_FLAG"\) reachable from goroutine worker`
	apilib.SetApp(k, v)  // want `os\.Setenv\(<name starting "APP_">\) reachable from goroutine worker`
	if k == "LOCAL_ONLY" {
		os.Setenv(k, v) // want `os\.Setenv\("LOCAL_ONLY"\) reachable from goroutine worker`
	}
}

func main() {
	go worker(os.Args[1], os.Args[2])
	_ = os.Getenv("DB_PASSWORD")                           // not reported: the worker writes SOME_FLAG, LOCAL_ONLY and APP_ names only
	_ = os.Getenv("APP_SECRET")                            // want `os\.Getenv\("APP_SECRET"\) reads a credential .*races with os\.Setenv\(<name starting "APP_">\) in apilib\.SetApp`
	apilib.Refresh("API_TOKEN")                            // not reported: writes back the value it reads, and nothing else writes API_TOKEN
	os.Setenv("SERVICE_TOKEN", os.Getenv("SERVICE_TOKEN")) // not reported: same
}
