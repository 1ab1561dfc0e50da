package ignored

import (
	"net/http"
	"os"
)

// lookup is also called from legacy.go, which this build excludes: a
// threaded ctx would break that call, so no fix.
func lookup(name string) string {
	return os.Getenv(name) // want `os.Getenv\("STRIPE_SECRET_KEY"\) reads a credential reachable from HTTP handler handle`
}

// fetch is called only here: the fix threads ctx through it.
func fetch(name string) string {
	return os.Getenv(name) // want `os.Getenv\("GITHUB_TOKEN"\) reads a credential reachable from HTTP handler handle`
}

func handle(w http.ResponseWriter, r *http.Request) {
	_ = lookup("STRIPE_SECRET_KEY")
	_ = fetch("GITHUB_TOKEN")
}

func main() {
	http.HandleFunc("/", handle)
}
