// Command app serves requests with credentials read three ways: by the
// handlers' own packages (this one, and api for the handler it registers),
// by another package of its module (providers), and by an SDK of another
// module (example.com/sdk/client) through its default chain. With nothing
// writing a variable, only the handler's own package makes request reads;
// a read behind a package boundary is a component's default, the
// process's one identity (advice, cred-read-shared, off by default). With
// a write in view every read is a race, whoever makes it.
package main

import (
	"net/http"
	"os"

	"example.com/app/api"
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

// handleProviders reads through another package of the same module: a
// key source's default identity, behind a package boundary.
func handleProviders(w http.ResponseWriter, r *http.Request) {
	_ = providers.Key()       // not reported: another package's read, nothing writes APP_API_KEY (advice: cred-read-shared)
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
	http.HandleFunc("/api", api.Handle) // want `^os\.Getenv\("API_SIGNING_KEY"\) reads a credential reachable from HTTP handler api\.Handle \(request read: `
	http.HandleFunc("/swap", handleSwap)
	http.HandleFunc("/sessions", handleSessions)
	http.ListenAndServe(":8080", nil)
}
