package generated

import "net/http"

// The read is in a generated file: reported at the call, with no fix.
func handle(w http.ResponseWriter, r *http.Request) {
	_ = token() // want `os.Getenv\("API_TOKEN"\) reads a credential reachable from HTTP handler handle`
}

func main() { http.HandleFunc("/", handle) }
