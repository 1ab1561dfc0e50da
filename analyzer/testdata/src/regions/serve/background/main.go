// Command background starts its server in a goroutine: what follows runs
// alongside the handlers until Shutdown.
package main

import (
	"context"
	"net/http"
	"os"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		_ = os.Getenv("APP_MODE") // not reported: not a credential, and a read
	})
	os.Setenv("APP_MODE", "starting") // not reported: before the server starts
	go srv.ListenAndServe()
	os.Setenv("APP_MODE", "serving") // want `^os\.Setenv\("APP_MODE"\) reachable from main after its goroutines start \(race: may race with os\.Getenv\("APP_MODE"\) in the handler\)`
	srv.Shutdown(context.Background())
	os.Setenv("APP_MODE", "stopped") // not reported: after Shutdown
}
