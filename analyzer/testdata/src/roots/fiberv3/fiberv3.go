// Package fiberv3 registers fiber v3 handlers (func(fiber.Ctx) error).
package fiberv3

import (
	"os"

	"github.com/gofiber/fiber/v3"
)

func main() {
	app := fiber.New()
	app.Get("/", func(c fiber.Ctx) error {
		return c.SendString(os.Getenv("FIBER3_TOKEN")) // want `^os\.Getenv\("FIBER3_TOKEN"\) reads a credential reachable from fiber handler `
	})
	_ = os.Getenv("FIBER3_STARTUP_TOKEN") // not reported: main before the server starts
}
