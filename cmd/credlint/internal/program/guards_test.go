package program_test

import (
	"strings"
	"testing"

	"github.com/credlint/credlint/analyzer"
)

// apiGo is an API library that reads X_TOKEN only when its caller passes
// no token (issue 13, section 2).
const apiGo = `package api

import "os"

type Options struct{ Token string }

func New(opts Options) string {
	if opts.Token == "" {
		opts.Token = os.Getenv("X_TOKEN")
	}
	return opts.Token
}
`

// cliGo serves three handlers: one passes a token, one does not, one
// writes the variable the library falls back to.
const cliGo = `package cli

import (
	"net/http"
	"os"

	"example.com/fp/api"
)

func given(w http.ResponseWriter, r *http.Request) { _ = api.New(api.Options{Token: "constant"}) }

func missing(w http.ResponseWriter, r *http.Request) { _ = api.New(api.Options{}) }

func rotate(w http.ResponseWriter, r *http.Request) { os.Setenv("X_TOKEN", r.Header.Get("X-Token")) }

func Register(mux *http.ServeMux) {
	mux.HandleFunc("/given", given)
	mux.HandleFunc("/missing", missing)
	mux.HandleFunc("/rotate", rotate)
}
`

// TestFallbackWholeProgram checks the whole-program placement of a
// fallback read that races with a write: reported once, at the library's
// os.Getenv, from the only handler that leaves the token empty, and named
// a fallback.
func TestFallbackWholeProgram(t *testing.T) {
	t.Parallel()
	fs := analyse(t, map[string]string{"api/api.go": apiGo, "cli/cli.go": cliGo})
	read := find(t, fs, analyzer.RuleCredRead, "api/api.go")
	if read.Posn.Line != 9 {
		t.Errorf("read reported at %v, want api.go:9\n%s", read.Posn, dump(fs))
	}
	if !strings.Contains(read.Message, `(fallback: only when opts.Token == "")`) {
		t.Errorf("message does not name the guard: %s", read.Message)
	}
	if len(read.Witnesses) != 1 || !strings.Contains(read.Witnesses[0].Root.Name, "missing") {
		t.Errorf("want one witness, from handler missing:\n%s", dump(fs))
	}
	if len(fs) != 2 {
		t.Errorf("want two findings, the read and the write:\n%s", dump(fs))
	}
}
