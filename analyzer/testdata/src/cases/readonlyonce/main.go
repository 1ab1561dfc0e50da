// Command talks serves slide decks fetched from a code host. Nothing in this
// program ever mutates the environment; this case pins down which read-only
// shapes are reported.
//
// Ported from /work/shared/cases/20-read-only-token-in-handler-sync-once.
package main

import (
	"log"
	"net/http"
	"os"
	"sync"
)

var declToken = os.Getenv("CODEHOST_ACCESS_TOKEN") // not reported: package-level initializer runs before main

// handlerEveryRequest re-reads the secret on every request.
func handlerEveryRequest(w http.ResponseWriter, r *http.Request) {
	token := os.Getenv("CODEHOST_ACCESS_TOKEN") // cred-read-concurrent: per-request read; low severity here because nothing mutates the env // want `^os\.Getenv\("CODEHOST_ACCESS_TOKEN"\) reads a credential reachable from HTTP handler handlerEveryRequest \(request read: nothing in view writes it, but each caller may need its own value\)$`
	_ = token
}

var (
	tokenOnce sync.Once
	token     string
)

// handlerOnce reads the secret lazily, exactly once.
func handlerOnce(w http.ResponseWriter, r *http.Request) {
	tokenOnce.Do(func() {
		token = os.Getenv("CODEHOST_ACCESS_TOKEN") // not reported: guarded by sync.Once, executes once
	})
	_ = token
}

var clientSecret = sync.OnceValue(func() string {
	return os.Getenv("CODEHOST_CLIENT_SECRET") // not reported: sync.OnceValue, executes once
})

func handlerOnceValue(w http.ResponseWriter, r *http.Request) {
	_ = clientSecret() // not reported: cached value
}

// handlerHomeDir looks up the user's home, which reads HOME under the hood.
func handlerHomeDir(w http.ResponseWriter, r *http.Request) {
	dir, _ := os.UserHomeDir() // cred-read-concurrent: HOME profile-dir read in a handler; low severity, read-only // want `^os\.UserHomeDir of "HOME" reads a credential reachable from HTTP handler handlerHomeDir \(request read: nothing in view writes it, but each caller may need its own value\)$`
	_ = dir
}

func main() {
	_ = declToken
	http.HandleFunc("/a", handlerEveryRequest)
	http.HandleFunc("/b", handlerOnce)
	http.HandleFunc("/c", handlerOnceValue)
	http.HandleFunc("/d", handlerHomeDir)
	log.Fatal(http.ListenAndServe("127.0.0.1:"+os.Getenv("PORT"), nil)) // not reported: non-credential, startup
}
