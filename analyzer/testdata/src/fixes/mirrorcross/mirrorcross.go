// Package mirrorcross mirrors a request's key around calls into another
// package. Once that package reads through profileenv (the first step of
// the migration, credlint -context-reads -fix), the mirror fix is the
// second step; the callee's Summary fact must say that its accesses go
// through profileenv (issue 16).
package mirrorcross

import (
	"net/http"
	"os"

	"fixes/mirrorcross/sdk"
)

func handle(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("X-Key")
	old := os.Getenv("OPENAI_API_KEY")      // want `os\.Getenv\("OPENAI_API_KEY"\) reads a credential reachable from HTTP handler handle`
	os.Setenv("OPENAI_API_KEY", key)       // want `os\.Setenv\("OPENAI_API_KEY"\) reachable from HTTP handler handle`
	defer os.Setenv("OPENAI_API_KEY", old) // want `os\.Setenv\("OPENAI_API_KEY"\) reachable from HTTP handler handle`
	if !sdk.Probe(r.Context()) {            // want `profileenv\.Getenv\("OPENAI_API_KEY"\) reads a credential`
		w.WriteHeader(http.StatusUnauthorized)
	}
}

func handlePlugin(w http.ResponseWriter, r *http.Request) {
	os.Setenv("OPENAI_API_KEY", r.Header.Get("X-Key")) // want `os\.Setenv\("OPENAI_API_KEY"\) reachable from HTTP handler handlePlugin`
	defer os.Unsetenv("OPENAI_API_KEY")                // want `os\.Unsetenv\("OPENAI_API_KEY"\) reachable from HTTP handler handlePlugin`
	_ = sdk.Plugin(r.Context())                        // want `\(\*exec\.Cmd\)\.Run starts a child process that inherits`
}

// handleLegacy keeps its mirror: Legacy reads the process environment.
func handleLegacy(w http.ResponseWriter, r *http.Request) {
	os.Setenv("OPENAI_API_KEY", r.Header.Get("X-Key")) // want `os\.Setenv\("OPENAI_API_KEY"\) reachable from HTTP handler handleLegacy`
	defer os.Unsetenv("OPENAI_API_KEY")                // want `os\.Unsetenv\("OPENAI_API_KEY"\) reachable from HTTP handler handleLegacy`
	_ = sdk.Legacy(r.Context())                        // want `os\.Getenv\("OPENAI_API_KEY"\) reads a credential`
}

func main() {
	http.HandleFunc("/", handle)
	http.HandleFunc("/plugin", handlePlugin)
	http.HandleFunc("/legacy", handleLegacy)
}
