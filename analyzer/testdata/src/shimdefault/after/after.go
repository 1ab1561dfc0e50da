// Package after is the same handler after credlint -context-reads -fix:
// the reads go through profileenv, but no profile is attached anywhere, so
// they still read the process environment the swap writes, and the child
// still inherits it. The writes are reported until they are gone.
package after

import (
	"net/http"
	"os"
	"os/exec"

	"github.com/credlint/credlint/profileenv"
	"shimdefault/reader"
)

func withKey(v string, f func()) {
	os.Setenv("OPENAI_API_KEY", v)      // want `os\.Setenv\("OPENAI_API_KEY"\)`
	defer os.Unsetenv("OPENAI_API_KEY") // want `os\.Unsetenv\("OPENAI_API_KEY"\)`
	f()
}

func Register(mux *http.ServeMux) {
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		withKey(r.Header.Get("Key"), func() {
			_ = reader.KeyFixed(r.Context())                                   // want `profileenv\.Getenv\("OPENAI_API_KEY"\) reads a credential`
			_ = profileenv.SetCmdEnv(r.Context(), exec.Command("probe")).Run() // want `\(\*exec\.Cmd\)\.Run starts a child process that inherits`
		})
	})
}

// Status reads through the shim with nothing in view writing the key.
func Status(mux *http.ServeMux) {
	mux.HandleFunc("/status", func(w http.ResponseWriter, r *http.Request) {
		_ = profileenv.Getenv(r.Context(), "ANTHROPIC_API_KEY") // not reported: with a profile attached it reads the request's own value, and nothing writes it
	})
}
