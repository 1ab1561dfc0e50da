//go:build tools

// Package cloudsqlproxy pins the Cloud SQL Auth Proxy, a gateway that accepts
// local database connections and tunnels each to a Cloud SQL instance with
// the proxy's credentials, for docs/precision.md (third set). Nothing here is
// built: the blank import only makes `go mod download` fetch the program and
// every module its packages need; ../../run.sh analyses it.
package cloudsqlproxy

import _ "github.com/GoogleCloudPlatform/cloud-sql-proxy/v2"
