package generated

import (
	"net/http"
	"os"
)

// Handler is hand-written, next to generated code.
func Handler(w http.ResponseWriter, r *http.Request) {
	os.Setenv("HANDWRITTEN_TOKEN", "x") // want `^os\.Setenv\("HANDWRITTEN_TOKEN"\) reachable from HTTP handler Handler`
	setFromGenerated("x")               // want `^os\.Setenv\("HELPER_TOKEN"\) reachable from HTTP handler Handler .*: Handler calls setFromGenerated, which calls os\.Setenv$`
}

func init() {
	http.HandleFunc("/", Handler)
}
