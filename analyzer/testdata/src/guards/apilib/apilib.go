// Package apilib is an API library that falls back to the environment
// when its caller passes no token, and sets variables only under a guard
// on their name. It has no roots: its accesses are reported where
// importers reach them.
package apilib

import (
	"os"
	"strings"
)

// Options are what a caller passes explicitly.
type Options struct {
	Token   string
	BaseURL string
}

// Client calls the API.
type Client struct{ opts Options }

// New reads X_TOKEN only when opts.Token is empty.
func New(opts Options) *Client {
	if opts.Token == "" {
		opts.Token = os.Getenv("X_TOKEN") // not reported here: reported where a root calls New without a token
	}
	return &Client{opts: opts}
}

// NewFrom passes its token on to New: the guard moves to its parameter.
func NewFrom(token string) *Client {
	return New(Options{Token: token})
}

// SetFlag writes SOME_FLAG, and only that name.
func SetFlag(k, v string) {
	if k == "SOME_FLAG" {
		os.Setenv(k, v) // not reported here: reported where a root calls SetFlag
	}
}

// SetApp writes names that start with APP_.
func SetApp(k, v string) {
	if strings.HasPrefix(k, "APP_") {
		os.Setenv(k, v) // not reported here: reported where a root calls SetApp
	}
}

// SetAny writes any name.
func SetAny(k, v string) {
	os.Setenv(k, v) // not reported here: reported where a root calls SetAny
}

// Refresh writes back the value it reads: not a write.
func Refresh(k string) {
	os.Setenv(k, os.Getenv(k))
}
