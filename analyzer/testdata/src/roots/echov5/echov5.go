// Package echov5 registers echo v5 handlers (func(*echo.Context) error).
package echov5

import (
	"os"

	"github.com/labstack/echo/v5"
)

func getUser(c *echo.Context) error {
	return c.String(200, os.Getenv("ECHO5_API_KEY")) // want `^os\.Getenv\("ECHO5_API_KEY"\) reads a credential reachable from echo handler getUser `
}

// setup has the handler's parameter but two results: not a handler.
func setup(c *echo.Context) (string, error) {
	return os.Getenv("ECHO5_SETUP_TOKEN"), nil // not reported: called once from main
}

func main() {
	setup(nil)
	e := echo.New()
	e.GET("/user", getUser)
}
