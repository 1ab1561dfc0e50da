// Package pool runs functions in goroutines. credlint learns its spawners
// (Submit, (*Pool).Go, Run) and exports them as facts.
package pool

// Submit runs f in a new goroutine.
func Submit(f func()) { go f() }

// Pool runs jobs from a goroutine body.
type Pool struct{}

// Go runs f inside a goroutine body.
func (p *Pool) Go(f func()) {
	go func() {
		f()
	}()
}

// Run hands f to another spawner.
func Run(f func()) { Submit(f) }

// Call runs f synchronously: not a spawner.
func Call(f func()) { f() }
