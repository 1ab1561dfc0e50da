package openaienv_test

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/credlint/credlint/profileenv"
	"github.com/credlint/credlint/profileenv/openaienv"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

// TestConcurrentProfilesKeepTheirKeys: two profiles send 200 requests each
// at once through profileenv.Middleware to a handler that builds an
// openai-go client per request; every request reaches the API with its
// own profile's key, never the other's or the process's.
func TestConcurrentProfilesKeepTheirKeys(t *testing.T) {
	if testing.Short() {
		t.Skip("400 requests")
	}
	api := newFakeAPI(t)
	setProcessEnv(t, api)
	profiles := map[string]profileenv.Env{}
	for _, name := range []string{"a", "b"} {
		env, err := profileenv.New(map[string]string{"OPENAI_API_KEY": "sk-" + name})
		if err != nil {
			t.Fatal(err)
		}
		profiles[name] = env
	}
	handler := profileenv.Middleware(func(r *http.Request) (profileenv.Env, error) {
		return profiles[r.Header.Get("X-Profile")], nil
	})(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client := openai.NewClient(openaienv.With(r.Context(), option.WithMaxRetries(0),
			option.WithHeader("X-Profile", r.Header.Get("X-Profile")))...)
		if _, err := client.Models.List(r.Context()); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
		}
	}))
	srv := httptest.NewServer(handler)
	defer srv.Close()

	var wg sync.WaitGroup
	for i := range 400 {
		wg.Go(func() {
			req, _ := http.NewRequest("GET", srv.URL, nil)
			req.Header.Set("X-Profile", []string{"a", "b"}[i%2])
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
		})
	}
	wg.Wait()

	api.mu.Lock()
	defer api.mu.Unlock()
	bleeds := 0
	for _, h := range api.seen {
		if want := "Bearer sk-" + h.Get("X-Profile"); h.Get("Authorization") != want {
			bleeds++
		}
	}
	if len(api.seen) != 400 || bleeds != 0 {
		t.Errorf("%d requests reached the API, %d with another key than their profile's", len(api.seen), bleeds)
	}
}
