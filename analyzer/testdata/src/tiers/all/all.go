// Package all is the advice tier under -rules=all: reads with no writer
// from goroutines, and children handed the credentials the program reads.
package all

import (
	"net/http"
	"os"
	"os/exec"
	"strings"
)

// handle reads a credential nothing writes and starts a child with the
// whole environment, which the credential is part of.
func handle(w http.ResponseWriter, r *http.Request) {
	_ = os.Getenv("OPENAI_API_KEY")  // want `^os\.Getenv\("OPENAI_API_KEY"\) reads a credential reachable from HTTP handler handle \(request read: `
	_ = exec.Command("plugin").Run() // want `^\(\*exec\.Cmd\)\.Run starts a child process that inherits the whole environment, reachable from HTTP handler handle \(advice: hands it the credentials this program reads, such as "OPENAI_API_KEY"\)$`
}

// filtered hands the child the environment without the credentials.
func filtered(w http.ResponseWriter, r *http.Request) {
	cmd := exec.Command("plugin")
	cmd.Env = withoutCredentials(os.Environ()) // want `^os\.Environ\(\) copies the whole environment, credentials included, reachable from HTTP handler filtered \(request read: `
	_ = cmd.Run()                              // not reported: the child's Env is built without OPENAI_API_KEY
}

func withoutCredentials(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "OPENAI_API_KEY=") {
			out = append(out, kv)
		}
	}
	return out
}

// background reads the credential from a goroutine: advice, on here.
func background() {
	go func() {
		_ = os.Getenv("OPENAI_API_KEY") // want `^os\.Getenv\("OPENAI_API_KEY"\) reads a credential reachable from goroutine in background \(advice: nothing in view writes it`
	}()
}

func main() {
	http.HandleFunc("/", handle)
	http.HandleFunc("/filtered", filtered)
	background()
	http.ListenAndServe(":8080", nil)
}
