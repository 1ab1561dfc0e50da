package program_test

import (
	"strings"
	"testing"

	"github.com/credlint/credlint/analyzer"
)

// TestSyntaxOnly checks the questions a unit under go vet answers from a
// dependency's syntax alone (analyse compares every finding with the
// typed answers): a line with a function and a method of one name, and
// the holder of an access in a method of a generic type.
func TestSyntaxOnly(t *testing.T) {
	t.Parallel()
	const lib = `package lib

import "os"

// Store holds settings.
type Store[T any] struct{ v T }

// Token reads the token.
func (s *Store[T]) Token() string { return os.Getenv("API_TOKEN") }

// Env reads variables.
type Env struct{}

// Getenv reads k.
func (Env) Getenv(k string) string { return os.Getenv(k) }

// Both reads two variables.
func Both(e Env) string { return os.Getenv("AWS_REGION") + e.Getenv("DB_PASSWORD") }
`
	fs := analyse(t, map[string]string{"lib/lib.go": lib, "app/app.go": `package app

import (
	"net/http"
	"os"

	"example.com/fp/lib"
)

func handle(w http.ResponseWriter, r *http.Request) {
	var s lib.Store[int]
	_ = lib.Both(lib.Env{}) + s.Token()
}

func rotate(w http.ResponseWriter, r *http.Request) {
	os.Setenv("API_TOKEN", r.Header.Get("X-Token"))
	os.Setenv("DB_PASSWORD", r.Header.Get("X-Password"))
}

func Serve() {
	http.HandleFunc("/", handle)
	http.HandleFunc("/rotate", rotate)
}
`})
	line := strings.Split(lib, "\n")[17]
	var sawGetenv, sawToken bool
	for _, f := range fs {
		if f.Category != analyzer.RuleCredRead {
			continue
		}
		for _, w := range f.Witnesses {
			for _, fr := range w.Frames {
				if fr.Function == "(lib.Env).Getenv" {
					sawGetenv = true
					if want := strings.Index(line, "e.Getenv") + 1; fr.Posn.Line != 18 || fr.Posn.Column != want {
						t.Errorf("(lib.Env).Getenv resolved to %v, want lib.go:18:%d", fr.Posn, want)
					}
				}
			}
			if w.Keys[0] == "API_TOKEN" {
				sawToken = true
				if w.Holder != "(*lib.Store).Token" {
					t.Errorf("API_TOKEN held by %q, want (*lib.Store).Token", w.Holder)
				}
			}
		}
	}
	if !sawGetenv || !sawToken {
		t.Errorf("no witness through (lib.Env).Getenv (%v) or of API_TOKEN (%v):\n%s", sawGetenv, sawToken, dump(fs))
	}
}
