// Package handoff is a worker pool in the shape of ants and conc: tasks go
// to running workers through a channel and an interface, and a helper runs
// the task inside the goroutine. The learned ones get a Spawner fact.
package handoff

// goWorker runs what it receives on its channel, in its own goroutine.
type goWorker struct{ task chan func() }

func (w *goWorker) run() { // want run:"starts"
	go func() {
		for fn := range w.task {
			fn()
		}
	}()
}

// inputFunc sends fn to the worker goroutine.
func (w *goWorker) inputFunc(fn func()) { w.task <- fn } // want inputFunc:"spawner\\(0\\)"

// worker's inputFunc is a spawner: its one implementation here spawns.
type worker interface{ inputFunc(func()) } // want inputFunc:"spawner\\(0\\)"

// Pool hands tasks to workers behind an interface.
type Pool struct{ w worker }

// Submit reaches inputFunc through the worker interface.
func (p *Pool) Submit(task func()) error { // want Submit:"spawner\\(0\\)"
	p.w.inputFunc(task)
	return nil
}

// Submit through the default pool.
func Submit(task func()) error { return defaultPool.Submit(task) } // want Submit:"spawner\\(0\\)"

var defaultPool = &Pool{w: &goWorker{task: make(chan func())}}

// Go runs f through a helper inside the goroutine body (conc.WaitGroup.Go
// calls h.pc.Try(f)).
func Go(f func()) { // want Go:"spawner\\(0\\)"
	go func() { try(f) }()
}

func try(f func()) {
	defer func() { recover() }()
	f()
}

// Queue sends callbacks of another type on a channel whose values nobody in
// this package calls: no fact.
func Queue(ch chan<- func(int), f func(int)) { ch <- f }

// Next receives a callback and returns it, without calling it: no fact for
// Queue either.
func Next(ch <-chan func(int)) func(int) { return <-ch }

// Sync calls f in a helper on the caller's goroutine: no fact.
func Sync(f func()) { try(f) }
