// Package chi registers net/http handlers through chi: functions, method
// values and http.HandlerFunc conversions.
package chi

import (
	"net/http"
	"os"

	"github.com/go-chi/chi/v5"
)

type api struct{}

func (a *api) getUser(w http.ResponseWriter, r *http.Request) {
	_ = os.Getenv("CHI_API_KEY") // want `^os\.Getenv\("CHI_API_KEY"\) reads a credential reachable from HTTP handler \(\*api\)\.getUser `
}

func home(w http.ResponseWriter, r *http.Request) {
	_ = os.Getenv("CHI_HOME_TOKEN") // want `reachable from HTTP handler home`
}

func wrapped(w http.ResponseWriter, r *http.Request) {
	os.Setenv("CHI_WRAPPED_TOKEN", chi.URLParam(r, "id")) // want `^os\.Setenv\("CHI_WRAPPED_TOKEN"\) reachable from HTTP handler wrapped`
}

func main() {
	a := &api{}
	r := chi.NewRouter()
	r.Get("/", home)
	r.Get("/users/{id}", a.getUser)
	r.Handle("/w/{id}", http.HandlerFunc(wrapped))
	http.ListenAndServe(":8080", r)
}
