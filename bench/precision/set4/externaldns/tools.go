//go:build tools

// Package externaldns pins ExternalDNS, a Kubernetes controller that keeps
// DNS records at many providers (each through its own SDK) in step with the
// cluster's Services and Ingresses, for docs/precision.md (fourth set).
// Nothing here is built: the blank import only makes `go mod download` fetch
// the program and every module its packages need; ../../run.sh analyses it.
package externaldns

import _ "sigs.k8s.io/external-dns"
