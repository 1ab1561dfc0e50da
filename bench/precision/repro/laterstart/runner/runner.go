// Package runner is tested with the signal loop of package signals
// running (go-task's task_test.go shape). Run runs a job, or, in watch
// mode, watches forever: it never returns while its watcher runs
// (go-task's Executor.Run and watchTasks).
package runner

import "os/exec"

// Run runs the job once, or watches when watch is set.
func Run(watch bool) error {
	if watch {
		return watchForever()
	}
	return exec.Command("true").Run() // ok: a child on the caller's goroutine
}

func watchForever() error {
	go func() {
		for {
			_ = exec.Command("true").Run() // ok: nothing writes the environment while the watcher runs
		}
	}()
	<-make(chan struct{})
	return nil
}
