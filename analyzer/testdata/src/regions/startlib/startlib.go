// Package startlib starts its work in the background: Start, Run and
// Execute return while a goroutine they started reads the environment.
// Callers in other packages learn that through the Spawner fact (Starts).
package startlib

import (
	"context"
	"os"
)

// Server polls its mode in the background once started.
type Server struct{ done chan struct{} }

// NewServer returns a stopped server.
func NewServer() *Server { return &Server{done: make(chan struct{})} }

// Start returns at once; loop goes on reading APP_MODE.
func (s *Server) Start() { go s.loop() }

func (s *Server) loop() {
	for {
		select {
		case <-s.done:
			return
		default:
			_ = os.Getenv("APP_MODE") // not reported: not a credential, and a read
		}
	}
}

// Stop ends the loop.
func (s *Server) Stop() { close(s.done) }

// Controller's Run returns after starting its loop.
type Controller struct{}

// Run starts the loop and returns.
func (c *Controller) Run(ctx context.Context) error {
	go c.loop(ctx)
	return nil
}

func (c *Controller) loop(ctx context.Context) {
	<-ctx.Done()
	_ = os.Getenv("CHART_PATH") // not reported: not a credential, and a read
}

// Execute starts a server, then goes on configuring, as a CLI's
// cmd.Execute does: its statements after Start run alongside the loop.
func Execute() *Server {
	os.Setenv("APP_MODE", "boot") // not reported: before Start
	s := NewServer()
	s.Start()
	os.Setenv("APP_MODE", "serving") // want `^os\.Setenv\("APP_MODE"\) reachable from Execute after its goroutines start \(race: may race with os\.Getenv\("APP_MODE"\) in loop\)`
	return s
}
