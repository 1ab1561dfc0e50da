// Package group hands out an errgroup behind an interface: every
// implementation of Group.Go in view runs its argument in a goroutine, so
// Group.Go is a spawner (a Spawner fact on the interface method).
package group

import (
	"context"

	"golang.org/x/sync/errgroup"
)

// Group runs functions in goroutines and waits for them.
type Group interface {
	Go(f func() error)
	Wait() error
}

type limited struct {
	g   *errgroup.Group
	sem chan struct{}
}

func (l *limited) Go(f func() error) {
	l.g.Go(func() error {
		l.sem <- struct{}{}
		defer func() { <-l.sem }()
		return f()
	})
}

func (l *limited) Wait() error { return l.g.Wait() }

// New returns an errgroup, or a wrapper that limits it to n at a time.
func New(ctx context.Context, n int) Group {
	g, _ := errgroup.WithContext(ctx)
	if n > 0 {
		return &limited{g: g, sem: make(chan struct{}, n)}
	}
	return g
}

// Runner has a serial implementation too: its Run is not a spawner.
type Runner interface{ Run(f func() error) error }

// Serial runs f on the caller's goroutine.
type Serial struct{}

func (Serial) Run(f func() error) error { return f() }

// Async runs f in a goroutine.
type Async struct{}

func (Async) Run(f func() error) error {
	go f()
	return nil
}
