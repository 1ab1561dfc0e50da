package mirror

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"sync"

	"github.com/credlint/credlint/profileenv"
)

var envMu sync.Mutex

// probe reads its key through the context, as a fixed SDK does.
func probe(ctx context.Context) bool { return profileenv.Getenv(ctx, "OPENAI_API_KEY") != "" } // want `profileenv\.Getenv\("OPENAI_API_KEY"\) reads a credential`

// Legacy still reads the process environment.
func Legacy(ctx context.Context) bool { return os.Getenv("OPENAI_API_KEY") != "" }

// handle mirrors the request's key around probe: the fix moves the value
// onto probe's context and deletes the save, the locked set and the restore.
func handle(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("X-Key")
	old := os.Getenv("OPENAI_API_KEY") // want `os.Getenv\("OPENAI_API_KEY"\) reads a credential reachable from HTTP handler handle`
	envMu.Lock()
	os.Setenv("OPENAI_API_KEY", key) // want `os.Setenv\("OPENAI_API_KEY"\) reachable from HTTP handler handle`
	envMu.Unlock()
	defer os.Setenv("OPENAI_API_KEY", old) // want `os.Setenv\("OPENAI_API_KEY"\) reachable from HTTP handler handle`
	if !probe(r.Context()) {
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// handleLegacy keeps its mirror: Legacy would stop seeing the value. The
// read in Legacy gets its own fix, after which a second run fixes the mirror.
func handleLegacy(w http.ResponseWriter, r *http.Request) {
	os.Setenv("OPENAI_API_KEY", r.Header.Get("X-Key")) // want `os.Setenv\("OPENAI_API_KEY"\) reachable from HTTP handler handleLegacy`
	ok := Legacy(r.Context())                         // want `os.Getenv\("OPENAI_API_KEY"\) reads a credential`
	os.Unsetenv("OPENAI_API_KEY")                     // want `os.Unsetenv\("OPENAI_API_KEY"\) reachable from HTTP handler handleLegacy`
	_ = ok
}

// runChild starts a child that inherits the process environment.
func runChild(ctx context.Context) error {
	return exec.CommandContext(ctx, "child").Run() // want `\(\*exec\.Cmd\)\.Run starts a child process that inherits`
}

// handleChild keeps its mirror: the child inherits the variable from the
// process environment and would not see it in the context (issue 16).
// The child gets its own fix, after which a second run fixes the mirror.
func handleChild(w http.ResponseWriter, r *http.Request) {
	os.Setenv("OPENAI_API_KEY", r.Header.Get("X-Key")) // want `os\.Setenv\("OPENAI_API_KEY"\)`
	defer os.Unsetenv("OPENAI_API_KEY")                // want `os\.Unsetenv\("OPENAI_API_KEY"\)`
	_ = runChild(r.Context())
}

func main() {
	http.HandleFunc("/", handle)
	http.HandleFunc("/legacy", handleLegacy)
	http.HandleFunc("/child", handleChild)
}
