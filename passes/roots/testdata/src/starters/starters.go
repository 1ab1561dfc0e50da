// Package starters declares functions that do and do not leave a goroutine
// running when they return; those that do get a Spawner fact with Starts.
package starters

import (
	"context"
	"net"
	"net/http"
	"sync"
)

// Server runs a loop in the background once started.
type Server struct{ done chan struct{} }

// Start returns at once; loop goes on running.
func (s *Server) Start() { go s.loop() } // want Start:"^starts$"

func (s *Server) loop() { <-s.done }

// Stop ends the loop: not a starter.
func (s *Server) Stop() { close(s.done) }

// New starts the server it returns: a starter through a callee.
func New() *Server { // want New:"^starts$"
	s := &Server{done: make(chan struct{})}
	s.Start()
	return s
}

// Node's Run returns after starting its loop, like c.Run(ctx).
type Node struct{}

func (n *Node) Run(ctx context.Context) error { // want Run:"^starts$"
	go n.watch(ctx)
	return nil
}

func (n *Node) watch(ctx context.Context) { <-ctx.Done() }

// Joined waits for its goroutines: not a starter.
func Joined() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { wg.Done() }()
	wg.Wait()
}

// StartStop stops what it started: not a starter.
func StartStop() {
	s := New()
	s.Stop()
}

// StartedHandle joins what the call it holds started: not a starter.
func StartedHandle() {
	h := New()
	defer func() {}()
	h.Close()
}

func (s *Server) Close() {}

// StopLater defers the stop: its caller still runs alongside the loop.
func StopLater() { // want StopLater:"^starts$"
	s := New()
	defer s.Stop()
}

// Accept is an accept loop: it returns only when it stops serving.
func Accept(l net.Listener) error {
	for {
		c, err := l.Accept()
		if err != nil {
			return err
		}
		go handle(c)
	}
}

func handle(c net.Conn) { c.Close() }

// Run starts a helper, then blocks serving, as a router's Run does.
func Run(addr string) error {
	go New().loop()
	return http.ListenAndServe(addr, nil)
}

// RunAll blocks in Run: the statements after it run when serving stops.
func RunAll() {
	go New().loop()
	if err := Run(":8080"); err != nil {
		panic(err)
	}
}

// Watch starts its watchers and then never returns: no caller's statement
// runs after it, so it starts nothing (go-task's watchTasks).
func Watch() error {
	go New().loop()
	<-make(chan struct{})
	return nil
}

// Forever does the same with an empty select.
func Forever() {
	go New().loop()
	select {}
}

// RunOrWatch returns at once or watches forever: either way it leaves no
// goroutine running when it returns.
func RunOrWatch(watch bool) error {
	if watch {
		return Watch()
	}
	return nil
}

// Listen uses the standard library's ListenAndServe in a goroutine: a
// starter.
func Listen(srv *http.Server) { go srv.ListenAndServe() } // want Listen:"^starts$"

// Group runs functions in goroutines; both implementations spawn.
type Group interface { // the interface itself gets no fact
	Go(f func() error) // want Go:"^spawner\\(0\\)$"
	Wait() error
}

type pool struct{ wg sync.WaitGroup }

func (p *pool) Go(f func() error) { // want Go:"^spawner\\(0\\) starts$"
	p.wg.Add(1)
	go func() { defer p.wg.Done(); f() }()
}

func (p *pool) Wait() error { p.wg.Wait(); return nil }

type limited struct {
	p   *pool
	sem chan struct{}
}

func (l *limited) Go(f func() error) { // want Go:"^spawner\\(0\\) starts$"
	l.p.Go(func() error { l.sem <- struct{}{}; defer func() { <-l.sem }(); return f() })
}

func (l *limited) Wait() error { return l.p.Wait() }

// NewGroup returns one of the implementations behind the interface.
func NewGroup(n int) Group {
	if n > 0 {
		return &limited{p: &pool{}, sem: make(chan struct{}, n)}
	}
	return &pool{}
}

// Runner has a serial implementation too: its Go is a plain call.
type Runner interface {
	Go(f func() error)
}

type serial struct{}

func (serial) Go(f func() error) { f() }
