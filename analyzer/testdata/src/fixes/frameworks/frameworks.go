// Package frameworks checks that fixes find the request context of router
// handlers: c.Request.Context() for gin, c.Request().Context() for echo,
// c.UserContext() for fiber.
package frameworks

import (
	"os"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

func ginHandler(c *gin.Context) {
	_ = os.Getenv("OPENAI_API_KEY") // want `reads a credential reachable from gin handler ginHandler`
}

func echoHandler(c echo.Context) error {
	_ = os.Getenv("OPENAI_API_KEY") // want `reads a credential reachable from echo handler echoHandler`
	return nil
}

func fiberHandler(c *fiber.Ctx) error {
	_ = apiKey() // a context is threaded through apiKey
	return nil
}

func apiKey() string {
	return os.Getenv("FIBER_API_KEY") // want `reads a credential reachable from fiber handler fiberHandler`
}

func Routes() {
	gin.Default().GET("/", ginHandler)
	echo.New().GET("/", echoHandler)
	fiber.New().Get("/", fiberHandler)
}
