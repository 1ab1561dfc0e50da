// Package credentials is a minimal stub of
// github.com/aws/aws-sdk-go-v2/credentials for credlint's tests: static
// credentials never touch the environment.
package credentials

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type StaticCredentialsProvider struct {
	Value aws.Credentials
}

func NewStaticCredentialsProvider(key, secret, session string) StaticCredentialsProvider {
	return StaticCredentialsProvider{Value: aws.Credentials{AccessKeyID: key, SecretAccessKey: secret, SessionToken: session}}
}

func (s StaticCredentialsProvider) Retrieve(context.Context) (aws.Credentials, error) {
	return s.Value, nil
}
