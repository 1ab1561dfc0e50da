// Package before is the newcomer's handler before the fix: a swap helper
// mirrors the request's key into the process environment around a call
// that reads it in another package.
package before

import (
	"net/http"
	"os"

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
			_ = reader.Key(r.Context()) // want `os\.Getenv\("OPENAI_API_KEY"\) reads a credential`
		})
	})
}
