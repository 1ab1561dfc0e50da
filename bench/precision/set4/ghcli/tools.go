//go:build tools

// Package ghcli pins the GitHub CLI, a command-line client that fans one
// user's API calls out to goroutines (and runs extensions, git and ssh as
// child processes), for docs/precision.md (fourth set). Nothing here is
// built: the blank import only makes `go mod download` fetch the program and
// every module its packages need; ../../run.sh analyses it.
package ghcli

import _ "github.com/cli/cli/v2/cmd/gh"
