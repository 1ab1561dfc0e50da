//go:build tools

// Package reviewdog pins reviewdog, a CLI that runs linters and posts their results through code-host APIs, for docs/precision.md (second set). Nothing here
// is built: the blank import only makes `go mod download` fetch the program
// and every module its packages need; ../../run.sh analyses it.
package reviewdog

import _ "github.com/reviewdog/reviewdog/cmd/reviewdog"
