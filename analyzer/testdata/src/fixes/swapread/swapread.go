package swapread

import (
	"net/http"
	"os"
)

// withTenant saves, swaps and restores API_TOKEN around work that takes no
// context: reading the saved value from a profile would restore the
// profile's value into the process, so the read gets no fix.
func withTenant(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	_ = ctx
	old := os.Getenv("API_TOKEN")                         // want `os.Getenv\("API_TOKEN"\) reads a credential reachable from HTTP handler withTenant`
	os.Setenv("API_TOKEN", "token-for-"+r.FormValue("t")) // want `os.Setenv\("API_TOKEN"\) reachable from HTTP handler withTenant`
	defer os.Setenv("API_TOKEN", old)                     // want `os.Setenv\("API_TOKEN"\) reachable from HTTP handler withTenant`
	work()
}

func work() {}

func main() { http.HandleFunc("/", withTenant) }
