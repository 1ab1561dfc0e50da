// Package credentials is a minimal stub of
// cloud.google.com/go/auth/credentials for credlint's tests: as in v0.24,
// DetectDefault reads GOOGLE_APPLICATION_CREDENTIALS when no credential is
// given explicitly.
package credentials

import (
	"context"
	"os"

	"google.golang.org/api/option"
)

type Credentials struct{ File string }

func DetectDefault(ctx context.Context, opts ...option.ClientOption) (*Credentials, error) {
	var s option.Settings
	for _, o := range opts {
		o.Apply(&s)
	}
	if s.CredentialsFile != "" {
		return &Credentials{File: s.CredentialsFile}, nil
	}
	if filename := os.Getenv("GOOGLE_APPLICATION_CREDENTIALS"); filename != "" {
		return &Credentials{File: filename}, nil
	}
	return &Credentials{}, nil
}
