// Package aws is a minimal stub of github.com/aws/aws-sdk-go-v2/aws for
// credlint's tests.
package aws

import "context"

type Credentials struct {
	AccessKeyID, SecretAccessKey, SessionToken string
}

type CredentialsProvider interface {
	Retrieve(ctx context.Context) (Credentials, error)
}

type Config struct {
	Region      string
	Credentials CredentialsProvider
}

func (c Config) Copy() Config { return c }
