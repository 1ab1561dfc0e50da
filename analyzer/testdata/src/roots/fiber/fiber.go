// Package fiber registers fiber handlers (fiber.Handler is an alias of
// func(*fiber.Ctx) error).
package fiber

import (
	"os"

	"github.com/gofiber/fiber/v2"
)

func index(c *fiber.Ctx) error {
	_ = os.Getenv("FIBER_API_KEY") // want `^os\.Getenv\("FIBER_API_KEY"\) reads a credential reachable from fiber handler index `
	return c.SendString("ok")
}

var handlers = map[string]fiber.Handler{
	"/status": func(c *fiber.Ctx) error {
		os.Setenv("FIBER_STATUS_TOKEN", "x") // want `^os\.Setenv\("FIBER_STATUS_TOKEN"\) reachable from fiber handler in package initialiser`
		return nil
	},
}

// warm takes a *fiber.Ctx and returns an error, but has a second parameter.
func warm(c *fiber.Ctx, key string) error {
	os.Setenv("FIBER_WARM_TOKEN", key) // not reported: not a handler signature, called once from main
	return nil
}

func main() {
	warm(nil, "k")
	app := fiber.New()
	app.Get("/", index)
	for p, h := range handlers {
		app.Get(p, h)
	}
	app.Listen(":3000")
}
