// Package client stands in for a cloud SDK in another module: its
// constructors fall back to a default credential chain that reads the
// process environment, and offer an explicit-credential option.
package client

import "os"

// Client is an API client.
type Client struct{ key, session, tokenFile string }

// New reads the default chain: the key, and the path of a token file the
// platform mounts.
func New() *Client {
	return &Client{key: os.Getenv("SDK_API_KEY"), tokenFile: os.Getenv("SDK_TOKEN_FILE")}
}

// NewWithKey is the explicit-credential option: no environment read.
func NewWithKey(key string) *Client { return &Client{key: key} }

// NewSession reads a session token from the default chain.
func NewSession() *Client { return &Client{session: os.Getenv("SDK_SESSION_TOKEN")} }
