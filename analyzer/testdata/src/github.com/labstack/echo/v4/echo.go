// Package echo is a minimal stub of github.com/labstack/echo/v4.
package echo

import "net/http"

// Context is the request context of an echo handler.
type Context interface {
	Request() *http.Request
	String(code int, s string) error
}

// HandlerFunc is echo's handler type.
type HandlerFunc func(c Context) error

// MiddlewareFunc wraps a handler.
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// Echo is an echo router.
type Echo struct{}

// New returns a router.
func New() *Echo { return &Echo{} }

// GET registers a handler for GET path.
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) {}

// Use adds middleware.
func (e *Echo) Use(middleware ...MiddlewareFunc) {}

// Start serves HTTP.
func (e *Echo) Start(addr string) error { return nil }
