// Package gin is a minimal stub of github.com/gin-gonic/gin: the handler
// type and the routing methods credlint's tests call.
package gin

import "net/http"

// Context is the request context of a gin handler.
type Context struct {
	Request *http.Request
}

// String writes a string response.
func (c *Context) String(code int, s string) {}

// HandlerFunc is gin's handler type.
type HandlerFunc func(*Context)

// Engine is a gin router.
type Engine struct{}

// Default returns a router.
func Default() *Engine { return &Engine{} }

// GET registers handlers for GET path.
func (e *Engine) GET(path string, handlers ...HandlerFunc) {}

// POST registers handlers for POST path.
func (e *Engine) POST(path string, handlers ...HandlerFunc) {}

// Use adds middleware.
func (e *Engine) Use(middleware ...HandlerFunc) {}

// Run serves HTTP.
func (e *Engine) Run(addr ...string) error { return nil }
