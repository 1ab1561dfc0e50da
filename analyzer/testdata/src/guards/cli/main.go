// Command cli fans API calls out to goroutines, each with a client built
// by apilib. Only the worker that leaves the token empty reaches the
// library's fallback read, which races with the write of X_TOKEN.
package main

import (
	"os"
	"sync"

	"guards/apilib"
)

func call(token string) {
	_ = apilib.NewFrom(token)
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Go(func() {
			_ = apilib.New(apilib.Options{Token: "constant"}) // not reported: the token is given, the fallback read never runs
			call("constant")                                  // not reported: the token is given, through a helper
		})
	}
	wg.Go(func() {
		_ = apilib.New(apilib.Options{}) // want `os\.Getenv\("X_TOKEN"\) reads a credential .*races with .*\(fallback: only when opts\.Token == ""\)`
	})
	wg.Go(func() {
		os.Setenv("X_TOKEN", "rotated") // want `os\.Setenv\("X_TOKEN"\) reachable from`
	})
	wg.Wait()
}
