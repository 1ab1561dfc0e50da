// Command cmd starts its workers through an interface-typed errgroup.
package main

import (
	"context"
	"os"

	"regions/ifacegroup/group"
)

func deploy(profile string) error {
	os.Setenv("APP_PROFILE", profile) // want `^os\.Setenv\("APP_PROFILE"\) reachable from goroutine in main`
	return nil
}

func main() {
	g := group.New(context.Background(), 4)
	for _, p := range []string{"a", "b"} {
		g.Go(func() error { return deploy(p) })
	}
	g.Wait()
	var r group.Runner = group.Serial{}
	r.Run(func() error {
		os.Setenv("APP_PROFILE", "default") // not reported: Runner.Run has a serial implementation, and g.Wait joined the workers
		return nil
	})
}
