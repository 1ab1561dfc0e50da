package app

import "example.com/ci/lib"

// Poll polls with the token, in a goroutine of its own.
func Poll() {
	go func() { _ = lib.Token() }()
}
