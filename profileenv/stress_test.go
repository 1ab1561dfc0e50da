package profileenv

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The stress tests send the same load through two handler chains: one that
// attaches each request's profile with Middleware and reads it with
// LookupEnv, and one that mirrors the profile into the process environment
// around the request (the bug credlint reports) and reads it with
// os.LookupEnv. Every request checks the values it sees against its own
// profile; a wrong value is a bleed.
const (
	stressProfiles   = 64
	stressPerProfile = 1000 // requests per profile, and the number of concurrent senders
	stressRounds     = 3    // mirror rounds to try before concluding it does not bleed
)

// stressKeys are the keys the handler chain reads: a credential every
// profile sets, a credential only even profiles set (odd ones must see it
// unset, never the process value), and a setting every third profile sets
// (the others fall back to the process value).
var stressKeys = []string{"OPENAI_API_KEY", "ANTHROPIC_API_KEY", "APP_REGION"}

// stressProfile returns profile i's variables; i < 0 is the default profile,
// which sets nothing.
func stressProfile(i int) map[string]string {
	if i < 0 {
		return nil
	}
	n := strconv.Itoa(i)
	p := map[string]string{"OPENAI_API_KEY": "sk-p" + n}
	if i%2 == 0 {
		p["ANTHROPIC_API_KEY"] = "sk-ant-p" + n
	}
	if i%3 == 0 {
		p["APP_REGION"] = "region-p" + n
	}
	return p
}

// stressWant is what a request of profile i must see, one "k=v" per key:
// the profile's value, else the process value for keys that fall back, else
// nothing.
func stressWant(i int) string {
	p := stressProfile(i)
	var b strings.Builder
	for _, k := range stressKeys {
		v, ok := p[k]
		switch {
		case ok:
		case i < 0 || k == "APP_REGION":
			v = processValue[k]
		default:
			v = "<unset>"
		}
		fmt.Fprintf(&b, "%s=%s;", k, v)
	}
	return b.String()
}

// processValue is the default tenant, set in the process environment.
var processValue = map[string]string{
	"OPENAI_API_KEY":    "sk-default",
	"ANTHROPIC_API_KEY": "sk-ant-default",
	"APP_REGION":        "region-default",
}

type lookupFunc func(ctx context.Context, key string) (string, bool)

// stressHandler is the handler chain: an outer middleware that reads a
// setting, then a handler that reads the keys one by one, yielding between
// reads so that other requests run in between.
func stressHandler(lookup lookupFunc) http.Handler {
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b []byte
		for _, k := range stressKeys {
			v, ok := lookup(r.Context(), k)
			if !ok {
				v = "<unset>"
			}
			b = fmt.Appendf(b, "%s=%s;", k, v)
			runtime.Gosched()
		}
		w.Header().Set("Content-Type", "text/plain")
		w.Write(b)
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = lookup(r.Context(), "APP_REGION") // like a logger reading its settings
		runtime.Gosched()
		inner.ServeHTTP(w, r)
	})
}

// profileIndex reads the request's profile from its X-Profile header; -1
// means none.
func profileIndex(r *http.Request) int {
	i, err := strconv.Atoi(r.Header.Get("X-Profile"))
	if err != nil {
		return -1
	}
	return i
}

// mirrorEnv is the bug: it copies the request's profile into the process
// environment, serves the request, and restores the previous values. The
// mutex covers only the set and the restore, as in the code credlint
// reports; one around the whole request would serialise the server.
func mirrorEnv(next http.Handler) http.Handler {
	var mu sync.Mutex
	type saved struct {
		v  string
		ok bool
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := stressProfile(profileIndex(r))
		old := make(map[string]saved, len(p))
		mu.Lock()
		for k, v := range p {
			ov, ok := os.LookupEnv(k)
			old[k] = saved{ov, ok}
			os.Setenv(k, v)
		}
		mu.Unlock()
		defer func() {
			mu.Lock()
			defer mu.Unlock()
			for k, s := range old {
				if s.ok {
					os.Setenv(k, s.v)
				} else {
					os.Unsetenv(k)
				}
			}
		}()
		runtime.Gosched()
		next.ServeHTTP(w, r)
	})
}

var stressURL = &url.URL{Path: "/providers"}

// stressResult counts one run.
type stressResult struct {
	requests int
	bleeds   int      // requests that saw at least one value not their own
	samples  []string // a few of them
}

// runStress sends stressPerProfile requests for each of stressProfiles
// profiles, and as many for the default profile, from stressPerProfile
// goroutines that start together; each sends one request per profile, in a
// rotated order.
func runStress(h http.Handler) stressResult {
	const groups = stressProfiles + 1 // profile -1 is the default
	got := make([]string, stressPerProfile*groups)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range stressPerProfile {
		wg.Go(func() {
			<-start
			for j := range groups {
				i := (g+j)%groups - 1
				// A bare request: httptest.NewRequest parses a whole
				// request, which under -race costs more than the handler.
				r := &http.Request{Method: "GET", URL: stressURL, Header: http.Header{}}
				if i >= 0 {
					r.Header.Set("X-Profile", strconv.Itoa(i))
				}
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				got[g*groups+j] = strconv.Itoa(w.Code) + " " + w.Body.String()
			}
		})
	}
	close(start)
	wg.Wait()

	want := make([]string, groups)
	for i := range want {
		want[i] = "200 " + stressWant(i-1)
	}
	res := stressResult{requests: len(got)}
	for n, s := range got {
		i := (n/groups+n%groups)%groups - 1
		if want := want[i+1]; s != want {
			res.bleeds++
			if len(res.samples) < 3 {
				res.samples = append(res.samples, fmt.Sprintf("profile %d saw %q, want %q", i, s, want))
			}
		}
	}
	return res
}

func setStressProcessEnv(t *testing.T) {
	for k, v := range processValue {
		t.Setenv(k, v)
	}
}

// TestStressProfileEnv: no request ever sees another profile's values, or
// the default tenant's credentials.
func TestStressProfileEnv(t *testing.T) {
	if testing.Short() {
		t.Skip("stress test")
	}
	setStressProcessEnv(t)
	envs := make([]Env, stressProfiles)
	for i := range envs {
		envs[i] = mustNew(t, stressProfile(i))
	}
	resolve := func(r *http.Request) (Env, error) {
		i := profileIndex(r)
		if i < 0 {
			return Env{}, ErrNoProfile
		}
		return envs[i], nil
	}
	begin := time.Now()
	res := runStress(Middleware(resolve)(stressHandler(LookupEnv)))
	t.Logf("profileenv: %d requests (%d profiles + default, %d senders), %d bleeds, %v",
		res.requests, stressProfiles, stressPerProfile, res.bleeds, time.Since(begin).Round(time.Millisecond))
	if res.bleeds != 0 {
		t.Errorf("%d of %d requests saw values not their own, e.g.\n%s", res.bleeds, res.requests, strings.Join(res.samples, "\n"))
	}
}

// TestStressMirrorBleeds is the control: the same load through an
// os.Setenv mirror does bleed, which is what makes the test above mean
// something. It retries a few rounds, since the interleaving is up to the
// scheduler.
func TestStressMirrorBleeds(t *testing.T) {
	if testing.Short() {
		t.Skip("stress test")
	}
	setStressProcessEnv(t)
	h := mirrorEnv(stressHandler(func(_ context.Context, key string) (string, bool) {
		return os.LookupEnv(key)
	}))
	for round := 1; round <= stressRounds; round++ {
		begin := time.Now()
		res := runStress(h)
		var leftover []string
		for k, v := range processValue {
			if got := os.Getenv(k); got != v {
				leftover = append(leftover, k+"="+got)
			}
		}
		t.Logf("os.Setenv mirror, round %d: %d requests, %d bleeds, %v; process environment afterwards: %d keys not restored %q",
			round, res.requests, res.bleeds, time.Since(begin).Round(time.Millisecond), len(leftover), leftover)
		for _, s := range res.samples {
			t.Logf("  e.g. %s", s)
		}
		if res.bleeds > 0 {
			return
		}
	}
	t.Errorf("the os.Setenv mirror never bled in %d rounds: the stress test cannot tell a fix from the bug", stressRounds)
}
