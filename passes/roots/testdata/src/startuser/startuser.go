// Package startuser learns starters and interface spawners through the
// facts of package starters.
package startuser

import "starters"

// Boot starts an imported server and leaves it running.
func Boot() *starters.Server { // want Boot:"^starts$"
	s := &starters.Server{}
	s.Start()
	return s
}

// BootStop stops it again: not a starter.
func BootStop() {
	s := starters.New()
	s.Stop()
}

// Fan hands f to the imported interface's Go, a spawner through its fact,
// and waits.
func Fan(f func() error) error { // want Fan:"^spawner\\(0\\)$"
	g := starters.NewGroup(2)
	g.Go(f)
	return g.Wait()
}

// FanOut hands f to it and returns at once.
func FanOut(f func() error) { // want FanOut:"^spawner\\(0\\) starts$"
	starters.NewGroup(2).Go(f)
}

// Same compares through an imported function that joins its goroutine by a
// receive: not a starter.
func Same(x, y string) bool {
	return starters.Equal(x, y)
}

// SameIf goes through one that may leave it running.
func SameIf(x, y string) { // want SameIf:"^starts$"
	starters.EqualIf(x, y, false)
}
