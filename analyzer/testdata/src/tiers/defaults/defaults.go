// Package defaults shows the read tiers under the default -rules, with
// nothing writing the environment: a request read, a name chosen by data,
// and the advice rules that stay silent (tiers/race has the writer).
package defaults

import (
	"net/http"
	"os"
	"os/exec"
	"strings"
)

// handle reads a credential nothing writes: a request read.
func handle(w http.ResponseWriter, r *http.Request) {
	_ = os.Getenv("OPENAI_API_KEY")  // want `^os\.Getenv\("OPENAI_API_KEY"\) reads a credential reachable from HTTP handler handle \(request read: nothing in view writes it`
	_ = exec.Command("plugin").Run() // not reported: exec-env-exposes-credentials is advice, off by default
}

// background reads the same credential from a goroutine: one identity,
// nothing to race with.
func background() {
	go func() {
		_ = os.Getenv("OPENAI_API_KEY") // not reported: cred-read-shared is advice, off by default
	}()
}

// lookup reads a variable the request names: the data tier.
func lookup(w http.ResponseWriter, r *http.Request) {
	_ = os.Getenv(strings.ToUpper(r.URL.Query().Get("name")) + "_TOKEN") // want `^os\.Getenv\(<name ending "_TOKEN">\) reads a variable named at run time, reachable from HTTP handler lookup \(name chosen by data: `
}

func main() {
	http.HandleFunc("/", handle)
	http.HandleFunc("/lookup", lookup)
	background()
	http.ListenAndServe(":8080", nil)
}
