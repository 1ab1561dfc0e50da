// Package storage is a minimal stub of cloud.google.com/go/storage for
// credlint's tests.
package storage

import (
	"context"

	"cloud.google.com/go/auth/credentials"
	"google.golang.org/api/option"
)

type Client struct{ creds *credentials.Credentials }

func NewClient(ctx context.Context, opts ...option.ClientOption) (*Client, error) {
	creds, err := credentials.DetectDefault(ctx, opts...)
	return &Client{creds: creds}, err
}
