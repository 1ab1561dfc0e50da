// Package register imports the providers for their init only.
package register

import (
	_ "registry/plain"
	_ "registry/vault"
)
