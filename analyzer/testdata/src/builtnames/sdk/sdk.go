// Package sdk reads settings whose names it builds at run time, as the OCI
// SDK does: the configured prefix is unknown, the suffix is not.
package sdk

import (
	"fmt"
	"os"
)

// Provider reads its settings from the environment under a prefix.
type Provider struct{ Prefix string }

// Region reads <prefix>_region.
func (p Provider) Region() string {
	return os.Getenv(fmt.Sprintf("%s_%s", p.Prefix, "region")) // not reported here: reported where a root reaches it
}
