package ifacecalls // want package:`concurrentCalls\(ifacecalls\.Job\.Run\)`

// ifacecalls runs jobs on a goroutine through an interface: its
// ConcurrentCalls fact lists Job.Run, which the goroutine calls through
// the package's own functions, and not Job.Name, called on the caller's
// goroutine, nor io.Writer.Write, an interface of the standard library.

import "io"

// Job is handed to a Pool.
type Job interface {
	Run()
	Name() string
}

// Pool runs jobs on its loop.
type Pool struct {
	jobs chan Job
	log  io.Writer
}

// Start starts the loop and returns.
func (p *Pool) Start() { go p.loop() } // want Start:"starts"

func (p *Pool) loop() {
	for j := range p.jobs {
		p.run(j)
	}
}

func (p *Pool) run(j Job) {
	j.Run()
	_, _ = p.log.Write([]byte("done"))
}

// Describe names a job on the caller's goroutine.
func Describe(j Job) string { return j.Name() }
