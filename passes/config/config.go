package config

import (
	"flag"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Config is the typed configuration every credlint pass reads.
type Config struct {
	// TODO(config): filled by the flags in flags.go.
}

// IsCredential reports whether key names a credential (stub; see credkeys).
func (c *Config) IsCredential(key string) bool {
	k := strings.ToUpper(key)
	for _, s := range []string{"KEY", "TOKEN", "SECRET", "PASSWORD", "DSN", "CREDENTIAL", "PROFILE", "KUBECONFIG", "DOCKER_CONFIG"} {
		if strings.Contains(k, s) {
			return true
		}
	}
	return k == "HOME"
}

var global = &Config{}

// Analyzer exposes the configuration to the other passes.
var Analyzer = &analysis.Analyzer{
	Name:       "credlint_config",
	Doc:        "credlint_config: typed credlint configuration from flags",
	Run:        func(*analysis.Pass) (any, error) { return global, nil },
	ResultType: reflect.TypeFor[*Config](),
	Flags:      flag.FlagSet{},
}
