// Package fiber is a minimal stub of github.com/gofiber/fiber/v2.
package fiber

import "context"

// Ctx is the request context of a fiber handler.
type Ctx struct{}

// UserContext returns the context set by the user, or context.Background.
func (c *Ctx) UserContext() context.Context { return context.Background() }

// SendString writes a string response.
func (c *Ctx) SendString(s string) error { return nil }

// Handler is fiber's handler type: an alias, as in fiber v2.
type Handler = func(*Ctx) error

// App is a fiber application.
type App struct{}

// New returns an application.
func New() *App { return &App{} }

// Get registers handlers for GET path.
func (a *App) Get(path string, handlers ...Handler) *App { return a }

// Listen serves HTTP.
func (a *App) Listen(addr string) error { return nil }
