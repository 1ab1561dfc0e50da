// Package register imports the providers for their init only.
package register

import (
	_ "github.com/credlint/credlint/bench/precision/repro/missedregistry/providers/plain"
	_ "github.com/credlint/credlint/bench/precision/repro/missedregistry/providers/vault"
)
