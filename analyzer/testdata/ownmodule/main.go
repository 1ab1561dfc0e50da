// Command app serves requests with credentials read three ways: by its own
// code (this package and its providers package), and by an SDK of another
// module (example.com/sdk/client) through its default chain. With nothing
// writing a variable, only the program's own reads are request reads; the
// SDK's default chain is the process's one identity (advice,
// cred-read-shared, off by default). With a write in view every read is a
// race, whoever makes it.
package main

import (
	"net/http"
	"os"

	"example.com/app/providers"
	"example.com/sdk/client"
)

// handleSDK builds an SDK client per request from the default chain.
func handleSDK(w http.ResponseWriter, r *http.Request) {
	_ = client.New()                             // not reported: another module's default chain, nothing writes SDK_API_KEY (advice: cred-read-shared)
	_ = client.NewWithKey(r.Header.Get("X-Key")) // not reported: explicit credential, no environment read
}

// handleOwn reads the SDK's key, and a path, in the handler's own package.
func handleOwn(w http.ResponseWriter, r *http.Request) {
	_ = os.Getenv("SDK_API_KEY")          // want `^os\.Getenv\("SDK_API_KEY"\) reads a credential reachable from HTTP handler handleOwn \(request read: `
	_ = os.Getenv("APP_LOCAL_TOKEN_FILE") // want `^os\.Getenv\("APP_LOCAL_TOKEN_FILE"\) reads a credential reachable from HTTP handler handleOwn \(request read: `
}

// handleProviders reads through another package of the same module.
func handleProviders(w http.ResponseWriter, r *http.Request) {
	_ = providers.Key()       // want `^os\.Getenv\("APP_API_KEY"\) reads a credential reachable from HTTP handler handleProviders \(request read: `
	_ = providers.TokenFile() // not reported: a locator read in another package, nothing writes it
}

// handleSwap writes the session tokens that handleSessions reads.
func handleSwap(w http.ResponseWriter, r *http.Request) {
	os.Setenv("SDK_SESSION_TOKEN", r.Header.Get("X-Session"))   // want `^os\.Setenv\("SDK_SESSION_TOKEN"\) reachable from HTTP handler handleSwap`
	os.Setenv("APP_SESSION_TOKEN", r.Header.Get("X-Session"))   // want `^os\.Setenv\("APP_SESSION_TOKEN"\) reachable from HTTP handler handleSwap`
	os.Setenv("APP_SESSION_TOKEN_FILE", r.Header.Get("X-File")) // want `^os\.Setenv\("APP_SESSION_TOKEN_FILE"\) reachable from HTTP handler handleSwap`
}

// handleSessions reads variables a handler writes: races, in the SDK's
// code as in the program's own.
func handleSessions(w http.ResponseWriter, r *http.Request) {
	_ = client.NewSession()            // want `^os\.Getenv\("SDK_SESSION_TOKEN"\) reads a credential reachable from HTTP handler handleSessions \(race: `
	_ = providers.SessionFile()        // want `^os\.Getenv\("APP_SESSION_TOKEN_FILE"\) reads a credential reachable from HTTP handler handleSessions \(race: `
	_ = providers.Session()            // want `^os\.Getenv\("APP_SESSION_TOKEN"\) reads a credential reachable from HTTP handler handleSessions \(race: `
	_ = os.Getenv("APP_SESSION_TOKEN") // want `^os\.Getenv\("APP_SESSION_TOKEN"\) reads a credential reachable from HTTP handler handleSessions \(race: `
}

func main() {
	http.HandleFunc("/sdk", handleSDK)
	http.HandleFunc("/own", handleOwn)
	http.HandleFunc("/providers", handleProviders)
	http.HandleFunc("/swap", handleSwap)
	http.HandleFunc("/sessions", handleSessions)
	http.ListenAndServe(":8080", nil)
}
