// Package fiber is a minimal stub of github.com/gofiber/fiber/v3 (v3.1.0):
// Ctx is an interface and Handler an alias of func(Ctx) error.
package fiber

import "context"

// Ctx is the request context of a fiber v3 handler.
type Ctx interface {
	Context() context.Context
	SendString(s string) error
}

// Handler is fiber v3's handler type.
type Handler = func(Ctx) error

// App is a fiber application.
type App struct{}

// New returns an application.
func New() *App { return &App{} }

// Get registers handlers for GET path.
func (a *App) Get(path string, handler Handler, more ...Handler) *App { return a }
