package generic // want package:"touchesEnv" package:`converted\(generic\.S\.Get\)`

import "os"

type getter interface{ Get() string }

// S is generic; its Get reads whatever T is.
type S[T any] struct{ v T }

func (S[T]) Get() string { return os.Getenv("API_TOKEN") } // want Get:`envRead\(API_TOKEN\)`

// Quiet is generic and reads nothing.
type Quiet[T any] struct{ v T }

func (Quiet[T]) Get() string { return "" }

func viaGeneric(g getter) string { // want viaGeneric:`envRead\(API_TOKEN\)`
	return g.Get()
}

var _ getter = S[int]{}

type peeker interface{ Peek() string }

func (Quiet[T]) Peek() string { return "" }

func viaQuiet(p peeker) string { // no fact: no Peek method reaches the environment
	return p.Peek()
}
