// Package runner is tested with the signal loop of package signals
// running (go-task's task_test.go shape).
package runner
