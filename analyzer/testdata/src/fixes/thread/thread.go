package thread

import (
	"net/http"
	"os"
)

// lookup has no context, but its only caller does: the fix threads one.
// It only ever runs in the handler, so the finding is at its read.
func lookup(name string) string {
	return os.Getenv(name) // want `os.Getenv\("STRIPE_SECRET_KEY"\) reads a credential reachable from HTTP handler handle`
}

// Lookup is exported: its signature is never changed, so no fix.
func Lookup(name string) string {
	return os.Getenv(name)
}

func handle(w http.ResponseWriter, r *http.Request) {
	_ = lookup("STRIPE_SECRET_KEY")
	_ = Lookup("GITHUB_TOKEN")      // want `os.Getenv\("GITHUB_TOKEN"\) reads a credential`
}

func main() {
	http.HandleFunc("/", handle)
}
