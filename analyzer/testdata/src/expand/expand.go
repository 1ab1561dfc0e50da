// Package expand checks that os.ExpandEnv reports the names os.Expand
// looks up, braced names whole, as os.Getenv of the same names is
// reported (issue 16), and never a shell default.
package expand

import (
	"net/http"
	"os"
)

func handler(w http.ResponseWriter, r *http.Request) {
	_ = os.ExpandEnv("postgres://app:${DB.PASSWORD}@db/app") // want `^os\.ExpandEnv of "DB\.PASSWORD" `
	_ = os.Getenv("DB.PASSWORD")                             // want `^os\.Getenv\("DB\.PASSWORD"\) `
	_ = os.ExpandEnv("Bearer ${1API_TOKEN}")                 // want `^os\.ExpandEnv of "1API_TOKEN" `
	_ = os.Getenv("1API_TOKEN")                              // want `^os\.Getenv\("1API_TOKEN"\) `
	_ = os.ExpandEnv("${SESSION_SECRET:-hunter2}")           // want `^os\.ExpandEnv of "SESSION_SECRET" `
}

func main() {
	http.HandleFunc("/", handler)
}
