// Package lib reads ZONE_TAG for its callers, holding no lock.
package lib

import "os"

func Zone() string { return os.Getenv("ZONE_TAG") }
