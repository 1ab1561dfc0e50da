// Package sdktwo has two findings at one SDK call: a race on the variable
// another handler writes, and advice on the others the SDK reads. Both
// carry the same fix, which applies once.
package sdktwo

import (
	"net/http"
	"os"

	"github.com/openai/openai-go/v3"
)

func mirror(w http.ResponseWriter, r *http.Request) {
	os.Setenv("OPENAI_API_KEY", r.Header.Get("X-Key")) // want `os\.Setenv\("OPENAI_API_KEY"\) reachable from`
}

func chat(w http.ResponseWriter, r *http.Request) {
	_ = openai.NewClient() // want `os\.LookupEnv\("OPENAI_API_KEY"\) reads a credential.*race` `os\.LookupEnv of "OPENAI_ADMIN_KEY" and "OPENAI_WEBHOOK_SECRET" reads a credential.*advice`
}

func main() {
	http.HandleFunc("/mirror", mirror)
	http.HandleFunc("/chat", chat)
}
