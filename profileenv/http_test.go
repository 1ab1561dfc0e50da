package profileenv

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// echoKey reports what the handler chain sees for OPENAI_API_KEY, and
// whether the request carries a profile.
var echoKey = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	v, ok := LookupEnv(r.Context(), "OPENAI_API_KEY")
	_, profile := FromContext(r.Context())
	fmt.Fprintf(w, "%s,%v,profile=%v", v, ok, profile)
})

func TestMiddleware(t *testing.T) {
	setProcessEnv(t)
	alice := mustNew(t, map[string]string{"OPENAI_API_KEY": "sk-alice"})
	errDB := errors.New("profile store down")
	resolve := func(r *http.Request) (Env, error) {
		switch name := r.Header.Get("X-Profile"); name {
		case "alice":
			return alice, nil
		case "":
			return Env{}, ErrNoProfile
		case "wrapped-none":
			return Env{}, fmt.Errorf("no cookie: %w", ErrNoProfile)
		case "gone":
			return Env{}, &StatusError{Code: http.StatusNotFound, Text: "no such profile", Err: errDB}
		case "status-only":
			return Env{}, &StatusError{Code: http.StatusBadRequest}
		case "status-no-profile":
			return Env{}, &StatusError{Code: http.StatusUnauthorized, Err: ErrNoProfile}
		case "bad-code":
			return Env{}, &StatusError{Code: http.StatusOK}
		case "db":
			return Env{}, errDB
		default:
			return Env{}, fmt.Errorf("unknown profile %q", name)
		}
	}
	h := Middleware(resolve)(echoKey)

	tests := []struct {
		profile  string
		wantCode int
		wantBody string
	}{
		{"alice", 200, "sk-alice,true,profile=true"},
		{"", 200, "sk-default,true,profile=false"},
		{"wrapped-none", 200, "sk-default,true,profile=false"},
		{"gone", 404, "no such profile\n"},
		{"status-only", 400, "Bad Request\n"},
		{"status-no-profile", 401, "Unauthorized\n"},
		{"bad-code", 403, "Forbidden\n"},
		{"db", 403, "Forbidden: no profile\n"},
		{"bob", 403, "Forbidden: no profile\n"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("X-Profile", tt.profile)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != tt.wantCode || w.Body.String() != tt.wantBody {
			t.Errorf("profile %q: %d %q, want %d %q", tt.profile, w.Code, w.Body.String(), tt.wantCode, tt.wantBody)
		}
		if strings.Contains(w.Body.String(), errDB.Error()) {
			t.Errorf("profile %q: response shows the resolver's error", tt.profile)
		}
	}
}

func TestMiddlewareOnError(t *testing.T) {
	var logged error
	h := Middleware(func(*http.Request) (Env, error) {
		return Env{}, errors.New("boom")
	}, OnError(func(w http.ResponseWriter, r *http.Request, err error) {
		logged = err
		http.Error(w, "try again", http.StatusServiceUnavailable)
	}))(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		t.Error("next handler called after a resolver error")
	}))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
	if w.Code != http.StatusServiceUnavailable || logged == nil || logged.Error() != "boom" {
		t.Errorf("OnError: code %d, err %v", w.Code, logged)
	}
}

func TestStatusError(t *testing.T) {
	cause := errors.New("cause")
	err := error(&StatusError{Code: 404, Text: "nope", Err: cause})
	if !errors.Is(err, cause) {
		t.Error("StatusError does not unwrap to its cause")
	}
	if got := err.Error(); got != "profileenv: nope: cause" {
		t.Errorf("Error() = %q", got)
	}
	if got := (&StatusError{}).Error(); got != "profileenv: Forbidden" {
		t.Errorf("zero StatusError: Error() = %q", got)
	}
}
