// Package cron schedules jobs with robfig/cron: AddFunc's function and the
// Run method of AddJob's job run on the scheduler's goroutines.
package cron

import (
	"os"

	"github.com/robfig/cron/v3"
)

type rotate struct{}

func (rotate) Run() {
	os.Setenv("CRON_ROTATE_TOKEN", "x") // want `^os\.Setenv\("CRON_ROTATE_TOKEN"\) reachable from cron job \(rotate\)\.Run \(race: may race`
}

func refresh() {
	_ = os.Getenv("CRON_API_KEY") // not reported: nothing writes it; a read from a job is advice (cred-read-shared, off by default)
}

// notScheduled has a Run method but is never handed to the scheduler.
type notScheduled struct{}

func (notScheduled) Run() {
	os.Setenv("CRON_IDLE_TOKEN", "x") // not reported: never scheduled
}

func Start() {
	c := cron.New()
	c.AddFunc("@hourly", refresh)
	c.AddFunc("@daily", func() {
		os.Setenv("CRON_DAILY_TOKEN", "x") // want `reachable from cron job in Start`
	})
	c.AddJob("@every 1m", rotate{})
	c.AddJob("@every 5m", cron.FuncJob(func() {
		_ = os.Getenv("CRON_FUNCJOB_SECRET") // not reported: nothing writes it; a read from a job is advice (cred-read-shared, off by default)
	}))
	notScheduled{}.Run()
	c.Start()
}
