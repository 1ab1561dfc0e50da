package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/credlint/credlint/internal/slowtest"
)

// TestExcludePkgsWhereShown checks -exclude-pkgs against the package where
// a finding is shown, in both engines: a helper in billing that writes,
// called from a handler in app, is shown in billing standalone, so excluding billing
// drops it and excluding app keeps it; under go vet's placement (-json)
// the same finding is shown in app, at the call.
func TestExcludePkgsWhereShown(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"billing/billing.go": `package billing

import "os"

func Charge() { os.Setenv("BILLING_MODE", "live") }
`,
		"app/app.go": `package app

import (
	"net/http"

	"example.com/m/billing"
)

func Register(mux *http.ServeMux) {
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		billing.Charge()
	})
}
`,
	})
	for _, engine := range []string{"-engine=vet", "-engine=process"} {
		t.Run(engine, func(t *testing.T) {
			if engine == "-engine=process" {
				// The driver applies the patterns after either engine
				// (moveExcludes): the in-process runs prove it again.
				slowtest.Require(t, "five in-process analyses of net/http")
			}
			excludeCases(t, dir, engine)
		})
	}
}

// excludeCases runs the cases of TestExcludePkgsWhereShown with engine.
func excludeCases(t *testing.T, dir, engine string) {
	for _, tc := range []struct {
		args  []string
		shown string // the file the finding is shown in, or "" for none
	}{
		{nil, "billing/billing.go"},
		{[]string{"-exclude-pkgs=example.com/m/billing"}, ""},
		{[]string{"-exclude-pkgs=example.com/m/app"}, "billing/billing.go"},
		{[]string{"-json", "-exclude-pkgs=example.com/m/billing"}, "app/app.go"},
		{[]string{"-json", "-exclude-pkgs=example.com/m/app"}, ""},
	} {
		args := append(append([]string{engine}, tc.args...), "./...")
		if tc.args == nil || tc.args[0] != "-json" {
			args = append([]string{"-format=json"}, args...)
		}
		r := credlint(t, dir, args...)
		if got := shownIn(t, r.stdout); got != tc.shown {
			t.Errorf("credlint %s: finding shown in %q, want %q\n%s", strings.Join(args, " "), got, tc.shown, r)
		}
	}
}

// shownIn returns the module-relative file of the one finding in out,
// credlint's -format=json or go vet's -json tree, or "" for none.
func shownIn(t *testing.T, out string) string {
	t.Helper()
	var doc struct {
		Findings []struct {
			Location struct{ File string }
		}
	}
	if json.Unmarshal([]byte(out), &doc) == nil && doc.Findings != nil {
		if len(doc.Findings) > 1 {
			t.Errorf("want at most one finding, got %d", len(doc.Findings))
		}
		for _, f := range doc.Findings {
			return f.Location.File
		}
		return ""
	}
	// go vet's tree: {"pkg": {"credlint": [{"posn": "/abs/app/app.go:11:7", ...}]}}
	var files []string
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var tree map[string]map[string]json.RawMessage
		if dec.Decode(&tree) != nil {
			break
		}
		for _, byAnalyzer := range tree {
			var diags []struct{ Posn string }
			json.Unmarshal(byAnalyzer["credlint"], &diags)
			for _, d := range diags {
				if m := regexp.MustCompile(`/((?:app|billing)/\w+\.go):`).FindStringSubmatch(d.Posn); m != nil {
					files = append(files, m[1])
				}
			}
		}
	}
	if len(files) > 1 {
		t.Errorf("want at most one finding, got %v", files)
	}
	for _, f := range files {
		return f
	}
	return ""
}
