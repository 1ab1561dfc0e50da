// Package config wraps envconfig: which variables Load reads depends on the
// struct its caller passes, so its summary leaves the names to the caller.
package config

import "github.com/kelseyhightower/envconfig"

// Load fills cfg from APP_* variables.
func Load(cfg any) error {
	return envconfig.Process("app", cfg)
}
