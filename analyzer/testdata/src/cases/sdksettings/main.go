// Command deployd installs charts for many tenants from one process. The
// SDK's settings constructor reads the environment, and the tempting way to
// get per-tenant settings out of it is to write the tenant's token into the
// environment first.
//
// Ported from /work/shared/cases-new/33-sdk-settings-constructor-reads-env-per-request.
// Under go vet the SDK's reads are reported at the handlers' calls; the
// whole-program placement reports them once, at the reads in settings.
package main

import (
	"log"
	"net/http"
	"os"
	"sync"

	"cases/sdksettings/settings"
)

type tenant struct{ Token, Namespace string }

var tenants = map[string]tenant{
	"a": {Token: "example-token-a", Namespace: "team-a"},
	"b": {Token: "example-token-b", Namespace: "team-b"},
}

// statusHandler builds settings per request, read-only.
func statusHandler(w http.ResponseWriter, r *http.Request) {
	s := settings.New() // cred-read-concurrent: the install handler writes HELM_KUBETOKEN // want `os\.Getenv\("HELM_KUBETOKEN"\)`
	w.Write([]byte(s.Namespace))
}

// installHandler is the tempting per-tenant shape.
func installHandler(w http.ResponseWriter, r *http.Request) {
	t := tenants[r.URL.Query().Get("tenant")]
	os.Setenv("HELM_KUBETOKEN", t.Token)     // setenv-concurrent // want `os\.Setenv\("HELM_KUBETOKEN"\)`
	os.Setenv("HELM_NAMESPACE", t.Namespace) // setenv-concurrent // want `os\.Setenv\("HELM_NAMESPACE"\)`
	s := settings.New()                      // cred-read-concurrent: may return another tenant's token // want `os\.Getenv\("HELM_KUBETOKEN"\)`
	w.Write([]byte(s.Namespace))
}

// server holds settings built once; requests copy and override.
type server struct{ base *settings.EnvSettings }

func (sv *server) installFixed(w http.ResponseWriter, r *http.Request) {
	t := tenants[r.URL.Query().Get("tenant")]
	s := *sv.base // not reported: struct copy of startup settings
	s.KubeToken, s.Namespace = t.Token, t.Namespace
	w.Write([]byte(s.Namespace))
}

// lazySettings defers construction to the first request, once.
var lazySettings = sync.OnceValue(settings.New)

func statusLazy(w http.ResponseWriter, r *http.Request) {
	s := lazySettings() // not reported: sync.OnceValue of a function from another package; New runs once
	w.Write([]byte(s.Namespace))
}

func main() {
	sv := &server{base: settings.New()} // not reported: built in main before the server starts
	http.HandleFunc("/status", statusHandler)
	http.HandleFunc("/install", installHandler)
	http.HandleFunc("/v2/install", sv.installFixed)
	http.HandleFunc("/v2/status", statusLazy)
	log.Fatal(http.ListenAndServe("127.0.0.1:8090", nil))
}
