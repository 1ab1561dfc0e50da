// Package gin registers gin handlers: functions, literals, method values
// and middleware used as gin.HandlerFunc values are HTTP handler roots.
package gin

import (
	"os"

	"github.com/gin-gonic/gin"
)

type handlers struct{}

func listUsers(c *gin.Context) {
	_ = os.Getenv("OPENAI_API_KEY") // want `^os\.Getenv\("OPENAI_API_KEY"\) reads a credential reachable from gin handler listUsers \(request read: nothing in view writes it, .*\)$`
}

func (h *handlers) show(c *gin.Context) {
	os.Setenv("GIN_TOKEN", c.Request.Header.Get("X-Token")) // want `^os\.Setenv\("GIN_TOKEN"\) reachable from gin handler \(\*handlers\)\.show \(race: may race`
}

func auth(c *gin.Context) {
	_ = os.Getenv("AUTH_SECRET") // want `reachable from gin handler auth`
}

func converted(c *gin.Context) {
	_ = os.Getenv("CONVERTED_TOKEN") // want `reachable from gin handler converted`
}

// render has the handler signature but is only called, never registered:
// not a root of its own; the finding names the handler that calls it.
func render(c *gin.Context) {
	_ = os.Getenv("RENDER_TOKEN") // want `^os\.Getenv\("RENDER_TOKEN"\) reads a credential reachable from gin handler listAll .*: listAll calls render, which calls os\.Getenv$`
}

func listAll(c *gin.Context) {
	render(c)
}

// setup takes a *gin.Context but is not a handler: it runs before serving.
func setup(c *gin.Context, token string) {
	os.Setenv("SETUP_TOKEN", token) // not reported: not a handler signature, and only called from main before Run
}

func main() {
	h := &handlers{}
	setup(nil, "x")
	r := gin.Default()
	r.Use(auth)
	r.GET("/users", listUsers)
	r.GET("/users/:id", h.show)
	r.GET("/all", listAll)
	r.POST("/users", func(c *gin.Context) {
		os.Setenv("GIN_POST_TOKEN", "x") // want `^os\.Setenv\("GIN_POST_TOKEN"\) reachable from gin handler in main \(race: may race`
	})
	var conv = gin.HandlerFunc(converted)
	r.GET("/conv", conv)
	r.Run()
}
