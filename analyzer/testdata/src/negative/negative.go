// Package negative holds shapes credlint must stay silent on. Every access
// carries a trailing comment saying why it is not reported.
package negative

import (
	"net/http"
	"os"
	"os/exec"
	"sync"
	"text/template"
)

// neverCalled writes the environment but no root reaches it.
func neverCalled() {
	os.Setenv("ORPHAN_TOKEN", "x") // not reported: unreachable from any concurrent root
}

var _ = neverCalled

var (
	keyOnce sync.Once
	apiKey  string
)

func handler(w http.ResponseWriter, r *http.Request) {
	_ = os.Getenv("LOG_LEVEL") // not reported: not a credential key, and nothing writes it
	keyOnce.Do(func() {
		apiKey = os.Getenv("PAYMENTS_API_KEY") // not reported: sync.Once runs the read once, not per request
	})
	vars := map[string]string{"DB_PASSWORD": "example"}
	_ = os.Expand("$DB_PASSWORD", func(k string) string { return vars[k] }) // not reported: the mapping is a Go map, not the environment
	cmd := exec.Command("true")
	cmd.Env = []string{"PATH=/usr/bin"}
	_ = cmd.Run()                    // not reported: Env is set explicitly
	_ = exec.Command("date").Run()   // not reported: inherits the environment, but nothing in this package writes it
	_ = template.New("t").Funcs(nil) // not reported: no os.Getenv in the FuncMap
}

func init() {
	http.HandleFunc("/", handler)
}
