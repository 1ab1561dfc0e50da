// Package cron is a minimal stub of github.com/robfig/cron/v3.
package cron

import "context"

// Job is a scheduled job.
type Job interface{ Run() }

// FuncJob runs a function as a Job.
type FuncJob func()

// Run runs the function.
func (f FuncJob) Run() { f() }

// EntryID identifies a scheduled entry.
type EntryID int

// Cron runs jobs on a schedule, each on its own goroutine.
type Cron struct{}

// New returns a scheduler.
func New() *Cron { return &Cron{} }

// AddFunc runs cmd on the schedule spec, on its own goroutine (so a
// learned Spawner fact says so too, as on the real module).
func (c *Cron) AddFunc(spec string, cmd func()) (EntryID, error) {
	go cmd()
	return 0, nil
}

// AddJob runs cmd.Run on the schedule spec.
func (c *Cron) AddJob(spec string, cmd Job) (EntryID, error) { return 0, nil }

// Start starts the scheduler in its own goroutine.
func (c *Cron) Start() {}

// Stop stops the scheduler; the context is done when running jobs end.
func (c *Cron) Stop() context.Context { return context.Background() }
