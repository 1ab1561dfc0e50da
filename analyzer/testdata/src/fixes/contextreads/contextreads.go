// Package contextreads is a library with no concurrent root of its own:
// only -context-reads reports its reads, where a context is at hand.
package contextreads

import (
	"context"
	"os"
)

// Status has a context: its reads are fixed in place.
func Status(ctx context.Context) bool {
	return os.Getenv("OPENAI_API_KEY") != "" && lookup("ANTHROPIC_API_KEY") != "" // want `os.Getenv\("OPENAI_API_KEY"\) reads a credential from the process environment in Status although a context is at hand`
}

// lookup has no context; its only caller has one, so it is threaded.
func lookup(name string) string {
	return os.Getenv(name) // want `os.Getenv\("ANTHROPIC_API_KEY"\) reads a credential from the process environment in Status`
}

// Region reads no credential: not reported.
func Region(ctx context.Context) string { return os.Getenv("APP_REGION") }

// Startup has no context to read from: not reported.
func Startup() string { return os.Getenv("DATABASE_URL") }
