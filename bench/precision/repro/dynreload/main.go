// Kind: {env.NAME} placeholders expanded when an admin endpoint reloads the
// config, under the config lock; nothing in the program writes the environment.
package main

import (
	"encoding/json"
	"net/http"
	"os"
	"sync"
)

var (
	mu  sync.Mutex
	cfg map[string]string
)

func load(w http.ResponseWriter, r *http.Request) {
	var raw map[string]string
	if json.NewDecoder(r.Body).Decode(&raw) != nil {
		return
	}
	mu.Lock()
	defer mu.Unlock()
	cfg = map[string]string{}
	for k, v := range raw {
		cfg[k] = os.ExpandEnv(v) // still reported (rule as specified: a name chosen by request data, read by the handler's own package; see docs/precision.md, kind D)
	}
}

func main() {
	http.HandleFunc("POST /load", load)
	http.ListenAndServe(":2019", nil)
}
