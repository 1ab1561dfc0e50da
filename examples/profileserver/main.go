// Command profileserver reports model-provider status for several profiles
// (tenants) from one process. Each client picks a profile with the
// "profile" cookie; each profile's API keys come from its own env file,
// <dir>/<profile>.env.
//
// It has the bug credlint exists to find. Package providers reads API keys
// with os.Getenv, so the server mirrors the client's profile into the
// process environment around each call (withProfileEnv). Requests and the
// model-list worker run concurrently, so two clients on two profiles see
// each other's keys. See README.md, which also shows how to fix it.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/credlint/credlint/examples/profileserver/providers"
	"github.com/joho/godotenv"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen `address`")
	dir := flag.String("profiles", "profiles", "`directory` of <profile>.env files")
	flag.Parse()

	profiles, err := loadProfiles(*dir)
	if err != nil {
		log.Fatal(err)
	}
	s := newServer(profiles)
	log.Printf("serving %d profiles on http://%s", len(profiles), *addr)
	log.Fatal(http.ListenAndServe(*addr, s.routes()))
}

// profile is one client's set of credentials.
type profile struct {
	name string
	env  map[string]string
}

// loadProfiles parses every <name>.env file in dir into a profile called
// name. The files are only read: the process environment is left alone.
func loadProfiles(dir string) (map[string]*profile, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.env"))
	if err != nil {
		return nil, err
	}
	profiles := make(map[string]*profile, len(paths))
	for _, path := range paths {
		env, err := godotenv.Read(path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".env")
		profiles[name] = &profile{name: name, env: env}
	}
	if len(profiles) == 0 {
		return nil, fmt.Errorf("no *.env files in %s", dir)
	}
	return profiles, nil
}

// envMu serialises changes to the process environment. It is held only
// while the profile is set and while it is restored, not around the call in
// between: that would serialise every request.
var envMu sync.Mutex

// withProfileEnv mirrors p's variables into the process environment, calls
// fn, and restores the previous values.
//
// This is the bug: fn runs concurrently with other calls that mirror other
// profiles, so fn may read another profile's keys, and a restore may put
// back another profile's keys as the process-wide values.
func withProfileEnv(p *profile, fn func()) {
	type saved struct {
		value string
		ok    bool
	}
	old := make(map[string]saved, len(p.env))
	envMu.Lock()
	for k, v := range p.env {
		value, ok := os.LookupEnv(k)
		old[k] = saved{value, ok}
		os.Setenv(k, v)
	}
	envMu.Unlock()

	defer func() {
		envMu.Lock()
		defer envMu.Unlock()
		for k, s := range old {
			if s.ok {
				os.Setenv(k, s.value)
			} else {
				os.Unsetenv(k)
			}
		}
	}()
	fn()
}

// server serves the API. Create one with newServer.
type server struct {
	profiles map[string]*profile
	fallback *profile // used without a profile cookie: no variables, so the process environment as is

	// beforeRead, if non-nil, is called with the profile name when a
	// /api/providers request has its profile in effect and is about to ask
	// the providers. Tests use it to force an interleaving.
	beforeRead func(name string)

	rebuilding atomic.Bool // a model-list rebuild is running
	mu         sync.Mutex
	models     map[string][]string // last model list, by profile name
}

func newServer(profiles map[string]*profile) *server {
	return &server{
		profiles: profiles,
		fallback: &profile{name: "default"},
		models:   make(map[string][]string),
	}
}

// routes returns the API's handler.
func (s *server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/providers", s.handleProviders)
	mux.HandleFunc("GET /api/models", s.handleModels)
	return mux
}

// profileFor returns the profile named by r's "profile" cookie.
func (s *server) profileFor(r *http.Request) (*profile, error) {
	c, err := r.Cookie("profile")
	if err != nil {
		return s.fallback, nil
	}
	p, ok := s.profiles[c.Value]
	if !ok {
		return nil, fmt.Errorf("unknown profile %q", c.Value)
	}
	return p, nil
}

// handleProviders reports whether the client's profile is authenticated
// with each provider.
func (s *server) handleProviders(w http.ResponseWriter, r *http.Request) {
	p, err := s.profileFor(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var status []providers.Provider
	withProfileEnv(p, func() {
		if s.beforeRead != nil {
			s.beforeRead(p.name)
		}
		status = providers.Status(r.Context())
	})
	writeJSON(w, status)
}

// handleModels returns the client's last model list and starts a rebuild in
// the background, unless one is already running.
func (s *server) handleModels(w http.ResponseWriter, r *http.Request) {
	p, err := s.profileFor(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if s.rebuilding.CompareAndSwap(false, true) {
		go s.rebuildModels(p)
	}
	s.mu.Lock()
	models := s.models[p.name]
	s.mu.Unlock()
	writeJSON(w, map[string]any{"profile": p.name, "models": models})
}

// rebuildModels recomputes p's model list. Only one runs at a time. It
// outlives the request that started it, so it does not use the request's
// context, which is canceled when the response is sent.
func (s *server) rebuildModels(p *profile) {
	defer s.rebuilding.Store(false)
	var models []string
	withProfileEnv(p, func() { models = providers.Models(context.Background()) })
	s.mu.Lock()
	s.models[p.name] = models
	s.mu.Unlock()
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("writing response: %v", err)
	}
}
