// Package keysource stands in for sops' age and gcpkms packages: a master
// key decrypts with the identities it was given, and without any, with the
// ones the process environment holds.
package keysource

import (
	"errors"
	"os"
)

// MasterKey is one recipient's key.
type MasterKey struct {
	Recipient  string
	identities []string
}

// Decrypt decrypts data with the key's identities, loading the process's
// own when the key has none.
func (k *MasterKey) Decrypt(data []byte) ([]byte, error) {
	if len(k.identities) == 0 {
		if id, ok := os.LookupEnv("SOPS_AGE_KEY"); ok { // ok: behind a package boundary from the handler, nothing writes it (K6, fixed)
			k.identities = append(k.identities, id)
		}
	}
	if len(k.identities) == 0 {
		return nil, errors.New("no identity")
	}
	return data, nil
}
