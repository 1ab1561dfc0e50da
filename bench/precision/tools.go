//go:build tools

// Package precision pins the real programs that docs/precision.md measures
// credlint's precision on. Nothing here is built: the blank imports only make
// `go mod download` fetch each program and every module its packages need.
// run.sh analyses them with credlint in standalone mode.
package precision

import (
	// reverse proxy
	_ "github.com/caddyserver/caddy/v2/cmd/caddy"
	// CI runner (runs GitHub Actions workflows locally)
	_ "github.com/nektos/act"
	// chat / AI model server
	_ "github.com/ollama/ollama"
	// Kubernetes controller
	_ "github.com/ray-project/kuberay/ray-operator"
	_ "github.com/ray-project/kuberay/ray-operator/rayjob-submitter/cmd"
	// CLI over cloud SDKs (AWS KMS, GCP KMS, Azure Key Vault, Vault, age, PGP)
	_ "github.com/getsops/sops/v3/cmd/sops"
)
