// Package store finds its data directory the way caddy and go-git do.
package store

import (
	"os"
	"path/filepath"
)

func DataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "app")
	}
	return filepath.Join(os.Getenv("HOME"), ".local", "share", "app")
}

func Token() string { return os.Getenv("STORE_API_TOKEN") }
