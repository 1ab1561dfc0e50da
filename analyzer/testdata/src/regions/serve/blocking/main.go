// Command blocking serves in main's own goroutine: what follows
// ListenAndServe runs when the server has stopped, not alongside the
// handlers.
package main

import (
	"net/http"
	"os"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		_ = os.Getenv("APP_MODE") // not reported: not a credential, and a read
	})
	if err := http.ListenAndServe(":8080", nil); err != nil {
		os.Setenv("APP_MODE", "failed") // not reported: ListenAndServe has returned
	}
	os.Setenv("APP_MODE", "stopped") // not reported: runs after the server stops serving
}
