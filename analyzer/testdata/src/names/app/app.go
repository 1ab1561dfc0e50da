// Package main reads names built at run time from handlers and
// goroutines. Only names that request data or decoded input can choose are
// in the names tier; names the program builds from its own constants, a
// counter or its command's name are not (issue 13, K13).
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"

	"names/lib"
)

const envPrefix = "CSQL_PROXY"

func byQuery(w http.ResponseWriter, r *http.Request) {
	_ = lib.Lookup(r.URL.Query().Get("name")) // want `^os\.Getenv\(<name starting "APP_">\) reads a variable named at run time, reachable from HTTP handler byQuery \(name chosen by data:`
	_ = lib.Lookup("MODE")                    // not reported: the name is the constant APP_MODE, not a credential
}

func byBody(w http.ResponseWriter, r *http.Request) {
	var req struct{ Program string }
	if json.NewDecoder(r.Body).Decode(&req) != nil {
		return
	}
	_ = lib.Config(req.Program, "TOKEN") // want `^os\.Getenv\(<dynamic name>\) reads a variable named at run time, reachable from HTTP handler byBody \(name chosen by data:`
}

func byPath(w http.ResponseWriter, r *http.Request) {
	chain := r.PathValue("chain")
	_ = os.Getenv(strings.ToUpper(chain) + "_URL") // want `^os\.Getenv\(<name ending "_URL">\) reads a variable named at run time, reachable from HTTP handler byPath \(name chosen by data:`
}

func instances() {
	for i := 0; i < 3; i++ {
		_ = os.Getenv(fmt.Sprintf("%s_INSTANCE_CONNECTION_NAME_%d", envPrefix, i)) // not reported: a constant prefix and a counter
		_ = lib.Instance(i)                                                        // not reported: the library's constants and a counter
	}
	_ = lib.Config("cloud-sql-proxy", "ACTIVE_HELP") // not reported: the program passes its own name
	_ = lib.Lookup(envPrefix + "_PORT")              // not reported: a constant name
	_ = lib.Settings{Prefix: "OCI"}.Region()         // not reported: the prefix is a field of unknown origin, and nothing writes the environment
}

func main() {
	go instances()
	http.HandleFunc("/q", byQuery)
	http.HandleFunc("/b", byBody)
	http.HandleFunc("/{chain}/", byPath)
	http.ListenAndServe(":8080", nil)
}
