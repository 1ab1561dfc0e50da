// Package echo is a minimal stub of github.com/labstack/echo/v5 (v5.4.4):
// the context is a struct, handlers take a pointer to it.
package echo

import "net/http"

// Context is the request context of an echo v5 handler.
type Context struct{ r *http.Request }

// Request returns the HTTP request.
func (c *Context) Request() *http.Request { return c.r }

// String writes a string response.
func (c *Context) String(code int, s string) error { return nil }

// HandlerFunc is echo v5's handler type.
type HandlerFunc func(c *Context) error

// Echo is an echo application.
type Echo struct{}

// New returns an application.
func New() *Echo { return &Echo{} }

// GET registers a handler for GET path.
func (e *Echo) GET(path string, h HandlerFunc) {}
