package mirrorsrc

import (
	"context"
	"net/http"
	"os"
	"strings"
)

func probe(ctx context.Context) bool { return ctx != nil }

type pair struct{ user, key string }

// composite moves a composite literal and a function literal: the fix keeps
// their source text.
func composite(w http.ResponseWriter, r *http.Request) {
	user := r.Header.Get("X-User")
	os.Setenv("OPENAI_API_KEY", strings.Join([]string{user, r.Header.Get("X-Key")}, ":")) // want `os.Setenv\("OPENAI_API_KEY"\) reachable from HTTP handler composite`
	defer os.Unsetenv("OPENAI_API_KEY")                                                   // want `os.Unsetenv\("OPENAI_API_KEY"\) reachable from HTTP handler composite`
	probe(r.Context())
}

// funcLit computes the value in a function literal.
func funcLit(w http.ResponseWriter, r *http.Request) {
	os.Setenv("GITHUB_TOKEN", func() string { p := pair{user: "u", key: r.Header.Get("X-Key")}; return p.key }()) // want `os.Setenv\("GITHUB_TOKEN"\) reachable from HTTP handler funcLit`
	defer os.Unsetenv("GITHUB_TOKEN")                                                                             // want `os.Unsetenv\("GITHUB_TOKEN"\) reachable from HTTP handler funcLit`
	probe(r.Context())
}

// commented concatenates with comments inside, over two lines.
func commented(w http.ResponseWriter, r *http.Request) {
	os.Setenv( /* want `os.Setenv\("STRIPE_SECRET_KEY"\) reachable from HTTP handler commented` */ "STRIPE_SECRET_KEY", "sk_"+ /* the tenant's */ r.Header.Get("X-Key")+ // suffix
		"_live")
	defer os.Unsetenv("STRIPE_SECRET_KEY") // want `os.Unsetenv\("STRIPE_SECRET_KEY"\) reachable from HTTP handler commented`
	probe(r.Context())
}

// shadowed calls probe where key names another variable: moving the value
// there would capture it, so no fix.
func shadowed(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("X-Key")
	os.Setenv("SLACK_TOKEN", key)    // want `os.Setenv\("SLACK_TOKEN"\) reachable from HTTP handler shadowed`
	defer os.Unsetenv("SLACK_TOKEN") // want `os.Unsetenv\("SLACK_TOKEN"\) reachable from HTTP handler shadowed`
	if key := "other"; probe(r.Context()) {
		_ = key
	}
}

// reassigned changes the variable between the set and the call: the moved
// value would be the new one, so no fix.
func reassigned(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("X-Key")
	os.Setenv("NPM_TOKEN", key)    // want `os.Setenv\("NPM_TOKEN"\) reachable from HTTP handler reassigned`
	defer os.Unsetenv("NPM_TOKEN") // want `os.Unsetenv\("NPM_TOKEN"\) reachable from HTTP handler reassigned`
	key = ""
	probe(r.Context())
	_ = key
}

func main() {
	http.HandleFunc("/a", composite)
	http.HandleFunc("/b", funcLit)
	http.HandleFunc("/c", commented)
	http.HandleFunc("/d", shadowed)
	http.HandleFunc("/e", reassigned)
}
