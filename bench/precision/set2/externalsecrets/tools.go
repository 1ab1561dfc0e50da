//go:build tools

// Package externalsecrets pins external-secrets, a Kubernetes controller that syncs secrets from cloud providers, for docs/precision.md (second set). Nothing here
// is built: the blank import only makes `go mod download` fetch the program
// and every module its packages need; ../../run.sh analyses it.
package externalsecrets

import _ "github.com/external-secrets/external-secrets"
