// Command startmain starts the goroutines of package startlib through
// calls, not go statements: each call starts main's concurrent region as a
// go statement would, and a Stop of what it started ends it.
package main

import (
	"context"
	"os"

	"regions/startlib"
)

func main() {
	os.Setenv("APP_MODE", "boot") // not reported: before the server starts
	s := startlib.NewServer()
	s.Start()
	os.Setenv("APP_MODE", "serving") // want `^os\.Setenv\("APP_MODE"\) reachable from main after its goroutines start`
	s.Stop()
	os.Setenv("APP_MODE", "stopped") // not reported: s.Stop joins what s.Start started

	ctx, cancel := context.WithCancel(context.Background()) // the standard library's own goroutines start no region
	os.Setenv("CHART_PATH", "/charts")                      // not reported: nothing of this program runs alongside yet
	c := &startlib.Controller{}
	c.Run(ctx)
	os.Setenv("CHART_PATH", "/tmp/charts") // want `^os\.Setenv\("CHART_PATH"\) reachable from main after its goroutines start`
	cancel()
}
