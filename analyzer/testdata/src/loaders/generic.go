package loaders

import (
	"net/http"
	"os"
)

type getter interface{ Get() string }

// secretSource is generic; its Get reads a credential whatever T is.
type secretSource[T any] struct{ fallback T }

func (secretSource[T]) Get() string { return os.Getenv("DB_PASSWORD") }

// typed returns its T; an interface with Get() string is implemented only
// by the instantiation with T = string, which this package writes below.
type typed[T any] struct{}

func (typed[T]) Value() T {
	var v T
	os.Getenv("SESSION_SECRET")
	return v
}

type stringValuer interface{ Value() string }

// plainSource is generic and reads nothing.
type plainSource[T any] struct{ v T }

func (p plainSource[T]) Peek() string { return "" }

type peeker interface{ Peek() string }

var (
	sources = []getter{secretSource[int]{}}
	valuers = []stringValuer{typed[string]{}}
	peekers = []peeker{plainSource[int]{}}
)

func genericIface(w http.ResponseWriter, r *http.Request) {
	_ = sources[0].Get()   // want `^os\.Getenv\("DB_PASSWORD"\) reads a credential reachable from HTTP handler genericIface.*calls \(secretSource\)\.Get`
	_ = valuers[0].Value() // want `^os\.Getenv\("SESSION_SECRET"\) reads a credential reachable from HTTP handler genericIface`
	_ = peekers[0].Peek()  // not reported: the generic implementation reads nothing
}

func registerGeneric() { http.HandleFunc("/g", genericIface) }
