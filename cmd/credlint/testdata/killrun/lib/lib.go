package lib

import (
	"os"

	"example.com/killrun/leaf"
)

// Start writes the token in a goroutine and reads it in another.
func Start(v string) {
	go func() { os.Setenv("API_TOKEN", v) }()
	go func() { _ = leaf.Key() }()
}
