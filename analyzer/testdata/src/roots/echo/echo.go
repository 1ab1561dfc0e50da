// Package echo registers echo handlers and middleware.
package echo

import (
	"os"

	"github.com/labstack/echo/v4"
)

func getUser(c echo.Context) error {
	_ = os.Getenv("ECHO_API_KEY") // want `^os\.Getenv\("ECHO_API_KEY"\) reads a credential reachable from echo handler getUser `
	return nil
}

// withProfile is middleware: the handler it returns runs per request.
func withProfile(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		os.Setenv("ECHO_PROFILE", c.Request().Header.Get("X-Profile")) // want `^os\.Setenv\("ECHO_PROFILE"\) reachable from echo handler in withProfile \(race: may race`
		return next(c)
	}
}

// check returns an error like a handler but takes no echo.Context.
func check(s string) error {
	os.Setenv("ECHO_CHECK_TOKEN", s) // not reported: not a handler signature, called once from main
	return nil
}

func main() {
	check("x")
	e := echo.New()
	e.Use(withProfile)
	e.GET("/users/:id", getUser)
	e.Start(":8080")
}
