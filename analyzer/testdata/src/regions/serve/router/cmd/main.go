// Command cmd serves through a router's blocking Run.
package main

import (
	"os"

	"regions/serve/router"
)

func main() {
	r := &router.Router{}
	_ = r.Run(":8080")
	os.Setenv("APP_MODE", "stopped") // not reported: Run blocks serving; this runs after it returns
}
