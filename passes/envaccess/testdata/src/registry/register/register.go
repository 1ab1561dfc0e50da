package register // want package:`converted\(\) carried\(store\.Provider\.NewClient=\(\*vault\.Provider\)\.NewClient:envWrite\(AWS_ACCESS_KEY_ID\)\)\}`

// Package register imports the providers for their init only: its
// importers' export data mention neither, so under go vet it forwards
// what they register (carried.go).

import (
	_ "registry/plain"
	_ "registry/vault"
)
