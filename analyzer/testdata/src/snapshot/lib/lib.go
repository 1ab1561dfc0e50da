// Package lib copies the environment for child processes, filtered or
// not, without reading any variable by name.
package lib

import (
	"os"
	"strings"
)

// WithoutApp leaves out every APP_ variable.
func WithoutApp() []string {
	var out []string
	for _, e := range os.Environ() {
		if strings.HasPrefix(e, "APP_") {
			continue
		}
		out = append(out, e)
	}
	return out
}

// WithoutNames leaves out APP_REGION and SVC_TOKEN by exact name.
func WithoutNames() []string {
	env := os.Environ()
	var out []string
	for _, e := range env {
		k, _, _ := strings.Cut(e, "=")
		if k == "APP_REGION" || strings.HasPrefix(e, "SVC_TOKEN=") {
			continue
		}
		out = append(out, e)
	}
	return out
}

// WithoutToken leaves out SVC_TOKEN only.
func WithoutToken() []string {
	var out []string
	for _, e := range os.Environ() {
		if strings.HasPrefix(e, "SVC_TOKEN=") {
			continue
		}
		out = append(out, e)
	}
	return out
}

// All keeps everything.
func All() []string {
	var out []string
	for _, e := range os.Environ() {
		out = append(out, e)
	}
	return out
}
