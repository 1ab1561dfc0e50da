//go:build tools

// Package task pins Task (go-task), a task/job runner that runs a
// Taskfile's tasks and their dependencies in parallel as child processes, for
// docs/precision.md (second set). Nothing here is built: the blank import only
// makes `go mod download` fetch the program and every module its packages
// need; ../../run.sh analyses it.
package task

import _ "github.com/go-task/task/v3/cmd/task"
