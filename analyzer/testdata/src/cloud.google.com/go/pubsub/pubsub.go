// Package pubsub is a minimal stub of cloud.google.com/go/pubsub for
// credlint's tests.
package pubsub

import (
	"context"

	"cloud.google.com/go/auth/credentials"
	"google.golang.org/api/option"
)

type Client struct {
	project string
	creds   *credentials.Credentials
}

func NewClient(ctx context.Context, projectID string, opts ...option.ClientOption) (*Client, error) {
	creds, err := credentials.DetectDefault(ctx, opts...)
	return &Client{project: projectID, creds: creds}, err
}
