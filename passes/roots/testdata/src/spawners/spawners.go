// Package spawners declares functions that do and do not run a function
// parameter in a new goroutine; the learned ones get a Spawner fact.
package spawners

import "golang.org/x/sync/errgroup"

// Submit runs f directly in a go statement.
func Submit(f func()) { go f() } // want Submit:"^spawner\\(0\\) starts$"

// Through passes f on to another spawner of this package.
func Through(name string, f func()) { Submit(f) } // want Through:"^spawner\\(1\\) starts$"

// Wrapped calls f inside a goroutine body.
func Wrapped(f func()) { // want Wrapped:"spawner\\(0\\)"
	go func() {
		defer recover()
		f()
	}()
}

// Both runs two parameters in goroutines.
func Both(a, b func()) { // want Both:"spawner\\(0,1\\)"
	go a()
	go b()
}

// Grouped hands f to errgroup.Group.Go, a known spawner.
func Grouped(f func() error) error { // want Grouped:"^spawner\\(0\\)$"
	var g errgroup.Group
	g.Go(f)
	return g.Wait()
}

// Pool is a worker pool whose Go method is a spawner.
type Pool struct{}

// Go runs f in a new goroutine.
func (p *Pool) Go(f func()) { go f() } // want Go:"spawner\\(0\\)"

// Sync calls f synchronously: no fact.
func Sync(f func()) { f() }

// Deferred runs f when it returns, on the caller's goroutine: no fact.
func Deferred(f func()) { defer f() }

// Stored sends f on a channel, but nothing in this package calls what it
// receives from a channel of func(), so no worker is known to run it: no
// fact. (A pool that does is learned; see package handoff.)
func Stored(jobs chan<- func(), f func()) { jobs <- f }

// Literal starts its own literal, not a parameter: no spawner, but it
// leaves a goroutine running.
func Literal() { go func() {}() } // want Literal:"^starts$"
