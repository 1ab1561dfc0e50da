package program_test

import (
	"reflect"
	"strings"
	"testing"
)

// sdkModules are two modules outside the program, replaced by local
// directories: a stub of openai-go, whose NewClient has a row in the SDK
// table, and acme, whose Dial has none. Both read a credential.
var sdkModules = map[string]string{
	"go.mod": `module example.com/fp

go 1.26

require (
	github.com/openai/openai-go/v3 v3.0.0
	example.com/acme v1.0.0
)

replace (
	github.com/openai/openai-go/v3 => ./third/openai
	example.com/acme => ./third/acme
)
`,
	"third/openai/go.mod": "module github.com/openai/openai-go/v3\n\ngo 1.26\n",
	"third/openai/client.go": `package openai

import (
	"os"

	"github.com/openai/openai-go/v3/option"
)

type Client struct{ opts []option.RequestOption }

func NewClient(opts ...option.RequestOption) Client {
	if k, ok := os.LookupEnv("OPENAI_API_KEY"); ok {
		opts = append([]option.RequestOption{option.WithAPIKey(k)}, opts...)
	}
	_ = os.Getenv("OPENAI_EXTRA_SECRET") // no adapter supplies it

	return Client{opts}
}
`,
	"third/openai/option/option.go": `package option

type RequestOption func(*string)

func WithAPIKey(k string) RequestOption { return func(s *string) { *s = k } }
`,
	"third/acme/go.mod": "module example.com/acme\n\ngo 1.26\n",
	"third/acme/acme.go": `package acme

import "os"

func Dial() string { return os.Getenv("ACME_TOKEN") }
`,
	"app/app.go": `package app

import (
	"net/http"
	"os"
	"syscall"

	"example.com/acme"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

func handle(w http.ResponseWriter, r *http.Request) {
	_ = openai.NewClient()                              // fixable: the row's adapter
	_ = acme.Dial()                                     // manual: no row
	_ = os.Getenv("APP_TOKEN")                          // fixable: profileenv.Getenv
	_, _ = syscall.Getenv("APP_SECRET")                 // manual: no profileenv twin
	_ = openai.NewClient(option.WithAPIKey("from-db")) // settled: not counted
}

func Register() { http.HandleFunc("/", handle) }
`,
}

// TestInventorySDKEntryPoints: credlint audit marks each SDK entry point
// that reads a credential explicit (a row in the SDK table) or env only,
// and counts the credential reads on concurrent paths that a fix can move
// to the context (issue 14): OPENAI_API_KEY at the plain call and
// APP_TOKEN; ACME_TOKEN, APP_SECRET and OPENAI_EXTRA_SECRET (at both
// calls: no adapter supplies it) need manual work.
func TestInventorySDKEntryPoints(t *testing.T) {
	t.Parallel()
	files := map[string]string{}
	for k, v := range sdkModules {
		files[k] = v
	}
	inv := load(t, files).Inventory()
	type entry struct{ function, mark string }
	var got []entry
	for _, e := range inv.EntryPoints {
		got = append(got, entry{e.Function, e.Mark()})
		if e.Frame.Posn.Line == 0 {
			t.Errorf("%s: no call in the program: %+v", e.Function, e.Frame)
		}
	}
	want := []entry{{"acme.Dial", "env only"}, {"openai.NewClient", "explicit: openaienv.With"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entry points %v, want %v", got, want)
	}
	if inv.Fixable != 2 || inv.Manual != 4 {
		t.Errorf("fixable %d, manual %d; want 2 and 4 (%+v)", inv.Fixable, inv.Manual, inv.EntryPoints)
	}
}

// TestSettledReadsJoinNoFinding: where a write makes the reads at an SDK
// call a race, the finding at a call that passes OPENAI_API_KEY
// explicitly lists the variables it still reads, not that one.
func TestSettledReadsJoinNoFinding(t *testing.T) {
	t.Parallel()
	files := map[string]string{}
	for k, v := range sdkModules {
		files[k] = v
	}
	files["app/mirror.go"] = `package app

import (
	"net/http"
	"os"
)

func mirror(w http.ResponseWriter, r *http.Request) {
	os.Setenv("OPENAI_EXTRA_SECRET", r.Header.Get("X"))
	os.Setenv("OPENAI_API_KEY", r.Header.Get("Y"))
}

func RegisterMirror() { http.HandleFunc("/m", mirror) }
`
	p := load(t, files)
	found := false
	for _, f := range p.Findings() {
		if !strings.HasSuffix(f.Posn.Filename, "app.go") || f.Posn.Line != 18 || f.Category != "cred-read-concurrent" {
			continue
		}
		found = true
		if strings.Contains(f.Message, "OPENAI_API_KEY") || !strings.Contains(f.Message, "OPENAI_EXTRA_SECRET") {
			t.Errorf("the call passing option.WithAPIKey: %s", f.Message)
		}
	}
	if !found {
		t.Errorf("no race at the call passing option.WithAPIKey (app.go:18)")
	}
}
