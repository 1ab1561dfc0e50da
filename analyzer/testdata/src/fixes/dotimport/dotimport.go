package dotimport

import (
	"context"
	"net/http"
	. "os"
)

func probe(ctx context.Context) bool { return ctx != nil }

// handle reads through a dot import of os: the fix could leave the import
// unused, which does not compile, so no fix.
func handle(w http.ResponseWriter, r *http.Request) {
	key := Getenv("OPENAI_API_KEY") // want `os.Getenv\("OPENAI_API_KEY"\) reads a credential reachable from HTTP handler handle`
	if v, ok := LookupEnv("DB_PASSWORD"); ok { // want `os.LookupEnv\("DB_PASSWORD"\) reads a credential reachable from HTTP handler handle`
		_ = v
	}
	_ = key
}

// handleMirror mirrors through the dot import: deleting the mirror would
// leave the import unused, so no fix.
func handleMirror(w http.ResponseWriter, r *http.Request) {
	Setenv("ANTHROPIC_API_KEY", r.Header.Get("X-Key")) // want `os.Setenv\("ANTHROPIC_API_KEY"\) reachable from HTTP handler handleMirror`
	defer Unsetenv("ANTHROPIC_API_KEY")               // want `os.Unsetenv\("ANTHROPIC_API_KEY"\) reachable from HTTP handler handleMirror`
	probe(r.Context())
}

func main() {
	http.HandleFunc("/", handle)
	http.HandleFunc("/m", handleMirror)
}
