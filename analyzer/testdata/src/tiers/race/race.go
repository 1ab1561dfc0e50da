// Package race is tiers/defaults with a writer: the same goroutine read
// now races with a request's write.
package race

import (
	"net/http"
	"os"
)

// swap writes STRIPE_API_KEY per request, so every concurrent read of it
// is a race.
func swap(w http.ResponseWriter, r *http.Request) {
	os.Setenv("STRIPE_API_KEY", r.Header.Get("X-Key")) // want `^os\.Setenv\("STRIPE_API_KEY"\) reachable from HTTP handler swap \(race: may race with os\.Getenv\("STRIPE_API_KEY"\)`
	go func() {
		_ = os.Getenv("STRIPE_API_KEY") // want `^os\.Getenv\("STRIPE_API_KEY"\) reads a credential reachable from goroutine in swap \(race: may see another request's value`
	}()
}

// background reads the credential from a goroutine, as in tiers/defaults.
func background() {
	go func() {
		_ = os.Getenv("STRIPE_API_KEY") // want `^os\.Getenv\("STRIPE_API_KEY"\) reads a credential reachable from goroutine in background \(race: may see another request's value: races with os\.Setenv\("STRIPE_API_KEY"\) in swap\)$`
	}()
}

func main() {
	http.HandleFunc("/swap", swap)
	background()
	http.ListenAndServe(":8080", nil)
}
