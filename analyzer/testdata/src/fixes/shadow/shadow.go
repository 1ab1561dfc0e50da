package shadow

import (
	"net/http"
	"os"
)

// No fix here: the name profileenv is taken by a local, and main has no
// context for the goroutine it starts.
func handle(w http.ResponseWriter, r *http.Request) {
	profileenv := "taken"
	_ = profileenv
	_ = os.Getenv("API_TOKEN") // want `os.Getenv\("API_TOKEN"\) reads a credential`
}

func main() {
	http.HandleFunc("/", handle)
	go func() {
		_ = os.Getenv("SESSION_SECRET") // want `os.Getenv\("SESSION_SECRET"\) reads a credential`
	}()
}
