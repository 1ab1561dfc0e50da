package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/credlint/credlint/cmd/credlint/internal/program"
	"github.com/credlint/credlint/internal/slowtest"
)

// A module whose findings cross packages: a library read reached from a
// handler and a goroutine in two packages, a write in a parallel test,
// and a finding an ignore directive suppresses.
var enginesModule = map[string]string{
	"lib/lib.go": `package lib

import "os"

// Token returns the API token.
func Token() string { return lookup("API_TOKEN") }

func lookup(k string) string { return os.Getenv(k) }
`,
	"app/app.go": `package app

import (
	"net/http"
	"os"

	"example.com/m/lib"
)

func Register(mux *http.ServeMux) {
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		_ = lib.Token()
		os.Setenv("SESSION", r.URL.Path) //credlint:ignore env-write-concurrent fixture
	})
}
`,
	"app/app_test.go": `package app

import (
	"os"
	"testing"

	"example.com/m/lib"
)

func TestSet(t *testing.T) {
	t.Parallel()
	os.Setenv("API_TOKEN", "x")
}

func TestGet(t *testing.T) {
	t.Parallel()
	_ = lib.Token()
}
`,
	"srv/srv.go": `package srv

import "example.com/m/lib"

// Start reads the token in a goroutine.
func Start() { go func() { _ = lib.Token() }() }
`,
}

// TestEngines checks that the go vet engine gives the in-process engine's
// findings, witnesses and fingerprints, also when go vet replays its
// cached output on a rerun.
func TestEngines(t *testing.T) {
	t.Parallel()
	sameEngines(t, writeModule(t, enginesModule))
}

// TestEnginesProfileserver is TestEngines on examples/profileserver: four
// more analyses of a larger tree in process (slow).
func TestEnginesProfileserver(t *testing.T) {
	slowtest.Require(t, "both engines on examples/profileserver, in two formats")
	t.Parallel()
	sameEngines(t, filepath.Join("..", "..", "examples", "profileserver"))
}

// sameEngines checks that both engines print the same JSON and SARIF on
// dir, on go vet's first run and on a rerun.
func sameEngines(t *testing.T, dir string) {
	t.Helper()
	for _, format := range []string{"json", "sarif"} {
		want := credlint(t, dir, "-engine=process", "-format="+format, "./...")
		if want.code != exitFindings || !strings.Contains(want.stdout, "fingerprint") && !strings.Contains(want.stdout, "Fingerprint") {
			t.Fatalf("in process: want findings\n%s", want)
		}
		for _, run := range []string{"first run", "rerun"} {
			got := credlint(t, dir, "-engine=vet", "-format="+format, "./...")
			if got.code != want.code || got.stdout != want.stdout || got.stderr != want.stderr {
				t.Errorf("-format=%s, go vet engine, %s: differs from the in-process engine\n--- in process\n%s\n--- go vet\n%s",
					format, run, want, got)
			}
		}
	}
}

// TestEngineFallback checks what happens when go vet cannot analyse
// every package: -engine=auto analyses in process and reports each
// problem, -engine=vet says to do so.
func TestEngineFallback(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"ok/ok.go":   goroutineGo,
		"bad/bad.go": "package bad\n\nfunc F() int { return \"x\" }\n",
	})
	auto := credlint(t, dir, "./...")
	if auto.code != exitError || !strings.Contains(auto.stderr, "bad.go:3:23") || !strings.Contains(auto.stdout, "gor") {
		t.Errorf("-engine=auto: want the type error and the finding in ok\n%s", auto)
	}
	vet := credlint(t, dir, "-engine=vet", "./...")
	if vet.code != exitError || !strings.Contains(vet.stderr, "-engine=process") || vet.stdout != "" {
		t.Errorf("-engine=vet: want an error that names -engine=process\n%s", vet)
	}
	r := credlint(t, dir, "-engine=vet", "-test=false", "./ok")
	if r.code != exitError || !strings.Contains(r.stderr, "-engine=vet does not work with -test=false") {
		t.Errorf("-engine=vet -test=false: want a usage error\n%s", r)
	}
	r = credlint(t, dir, "-engine=fast", "./ok")
	if r.code != exitError || !strings.Contains(r.stderr, `unknown engine "fast" (want auto, vet, process)`) {
		t.Errorf("-engine=fast: want a usage error\n%s", r)
	}
}

func TestReadUnitResults(t *testing.T) {
	ok := `{"ID":"a","Parts":[],"Path":"a"}` + "\n" + `{"ID":"b [b.test]","Parts":null,"Path":"b","Test":true}` + "\n"
	got, err := readUnitResults(strings.NewReader(ok))
	var ids []string
	for _, r := range got {
		ids = append(ids, r.ID)
	}
	if err != nil || !slices.Equal(ids, []string{"a", "b [b.test]"}) {
		t.Errorf("readUnitResults = %v, %v; want units a and b [b.test]", ids, err)
	}
	for _, bad := range []string{
		`{"ID":"a","Path":"a"}{"example.com/a":{"credlint":{"error":"analysis failed"}}}`,
		`{"ID":"a","Path":"a"}` + "\n{}\n",
		`{"ID":"a"`,
		`[1]`,
	} {
		if _, err := readUnitResults(strings.NewReader(bad)); err == nil {
			t.Errorf("readUnitResults(%q) accepted it", bad)
		}
	}
}

// TestMatchedResults checks which units' results the driver keeps: the
// matched packages' (with their tests when they have some, the external
// tests), not the variants go vet runs for facts, and that it fails when
// a matched package has no result. go vet runs no unit for a built-in
// package (unsafe, builtin), which the standard library's pattern matches.
func TestMatchedResults(t *testing.T) {
	roots, err := decodeRoots([]byte(`{"ImportPath":"p","GoFiles":["p.go"],"TestGoFiles":["p_test.go"],"XTestGoFiles":["x_test.go"]}
{"ImportPath":"q","GoFiles":["q.go"]}
{"ImportPath":"empty"}
{"ImportPath":"unsafe","Standard":true,"GoFiles":["unsafe.go"]}
{"ImportPath":"builtin","Standard":true,"GoFiles":["builtin.go"]}`))
	if err != nil {
		t.Fatal(err)
	}
	out := func(id, path string, test, variant bool) unitOutput {
		return unitOutput{UnitResult: program.UnitResult{ID: id}, Path: path, Test: test, Variant: variant}
	}
	outs := []unitOutput{
		out("p", "p", false, false),                  // p for its importers: facts only
		out("q [p.test]", "q", false, true),          // q recompiled for p's tests
		out("p [p.test]", "p", true, false),          // matched: p with its tests
		out("p_test [p.test]", "p_test", true, true), // matched: p's external tests
		out("q", "q", false, false),                  // matched
		out("dep", "dep", false, false),              // a dependency
	}
	got, err := matchedResults(outs, roots)
	var ids []string
	for _, r := range got {
		ids = append(ids, r.ID)
	}
	if want := []string{"p [p.test]", "p_test [p.test]", "q"}; err != nil || !slices.Equal(ids, want) {
		t.Errorf("matchedResults = %q, %v; want %q", ids, err, want)
	}
	if _, err := matchedResults(outs[:4], roots); err == nil || !strings.Contains(err.Error(), "no result for q") {
		t.Errorf("matchedResults without q's result: %v; want an error that names q", err)
	}
}

func TestCutPartsFlag(t *testing.T) {
	for _, tc := range []struct {
		args, rest []string
		on         bool
	}{
		{[]string{"-parts", "-json", "x.cfg"}, []string{"-json", "x.cfg"}, true},
		{[]string{"--parts=true", "x.cfg"}, []string{"x.cfg"}, true},
		{[]string{"-parts=false", "x.cfg"}, []string{"x.cfg"}, false},
		{[]string{"-c", "-parts", "x.cfg"}, []string{"-c", "-parts", "x.cfg"}, false}, // -c takes a value
		{[]string{"x.cfg", "-parts"}, []string{"x.cfg", "-parts"}, false},
	} {
		rest, on := cutPartsFlag(tc.args, nil)
		if !slices.Equal(rest, tc.rest) || on != tc.on {
			t.Errorf("cutPartsFlag(%q) = %q, %v; want %q, %v", tc.args, rest, on, tc.rest, tc.on)
		}
	}
}

// TestTableServer checks the hand-over of the table: computed once, on
// the first request, and the error of go list when it fails.
func TestTableServer(t *testing.T) {
	dir := t.TempDir()
	lists := 0
	srv, err := serveTable(filepath.Join(dir, "ok.sock"), func() (*program.Table, error) {
		lists++
		return &program.Table{Packages: []program.TablePackage{{ID: "example.com/m"}}}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(tableEnv, srv.path)
	for range 3 {
		if tb, err := readTable(); err != nil || len(tb.Packages) != 1 || tb.Packages[0].ID != "example.com/m" {
			t.Errorf("readTable = %+v, %v; want the table", tb, err)
		}
	}
	if tb, err := srv.close(); err != nil || len(tb.Packages) != 1 || lists != 1 {
		t.Errorf("close = %+v, %v after %d go lists; want the table, listed once", tb, err, lists)
	}

	idle, err := serveTable(filepath.Join(dir, "idle.sock"), func() (*program.Table, error) {
		t.Error("listed without a request")
		return nil, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if tb, err := idle.close(); tb != nil || err != nil {
		t.Errorf("close without requests = %+v, %v; want nothing", tb, err)
	}

	bad, err := serveTable(filepath.Join(dir, "bad.sock"), func() (*program.Table, error) {
		return nil, errors.New("package example.com/bad does not load")
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(tableEnv, bad.path)
	if _, err := readTable(); err == nil || !strings.Contains(err.Error(), "example.com/bad does not load") {
		t.Errorf("readTable after a failed go list: %v", err)
	}
	if _, err := bad.close(); err == nil {
		t.Error("close after a failed go list: no error")
	}
	t.Setenv(tableEnv, filepath.Join(dir, "gone.sock"))
	if _, err := readTable(); err == nil {
		t.Error("readTable without a server: no error")
	}
}

// TestEngineColumns checks that go vet's cache does not replay a witness
// resolved in another package's file after an edit that moves a call
// within its line (the dependency's facts name the line only).
func TestEngineColumns(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		// noinline: an inlinable body would be in prov's export data,
		// which go vet's cache key covers.
		"prov/prov.go": "package prov\n\nimport \"os\"\n\n//go:noinline\nfunc Key() string { return lookup(\"OPENAI_API_KEY\") }\n\n//go:noinline\nfunc lookup(k string) string { return os.Getenv(k) }\n",
		// A goroutine, not an HTTP handler: net/http would make the
		// in-process run load and analyse most of std.
		"srv/srv.go": `package srv

import (
	"os"

	"example.com/m/prov"
)

// Start mirrors v into the environment and reads it back in a goroutine.
func Start(v string) {
	go func() {
		os.Setenv("OPENAI_API_KEY", v)
		_ = prov.Key()
	}()
}
`,
	})
	if r := credlint(t, dir, "-engine=vet", "./..."); !strings.Contains(r.stdout, "prov/prov.go:9:39:") {
		t.Fatalf("before the edit: want the read at prov.go:9:39\n%s", r)
	}
	edited := "package prov\n\nimport \"os\"\n\n//go:noinline\nfunc Key() string { return    lookup(\"OPENAI_API_KEY\") }\n\n//go:noinline\nfunc lookup(k string) string { return     os.Getenv(k) }\n"
	if err := os.WriteFile(filepath.Join(dir, "prov", "prov.go"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	want := credlint(t, dir, "-engine=process", "./...")
	got := credlint(t, dir, "-engine=vet", "./...")
	if !strings.Contains(want.stdout, "prov/prov.go:9:43:") || got.stdout != want.stdout {
		t.Errorf("after the edit: go vet engine differs from the in-process one\n--- in process\n%s\n--- go vet\n%s", want, got)
	}
}

// TestEngineOrigins checks where findings are placed in code that is not
// in the main module's packages, in both engines: a vendored module's
// files lie in the module's tree but are not its code, and files named on
// the command line belong to no module but are the user's.
func TestEngineOrigins(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"go.mod":     "module example.com/m\n\ngo 1.26\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ./dep\n",
		"dep/go.mod": "module example.com/dep\n\ngo 1.26\n",
		"dep/dep.go": "package dep\n\nimport \"os\"\n\n// Set writes the token.\nfunc Set(v string) { os.Setenv(\"API_TOKEN\", v) }\n",
		// A goroutine, not an HTTP handler: net/http would make each
		// in-process run load and analyse most of std.
		"cmd/srv/main.go": "package main\n\nimport (\n\t\"os\"\n\n\t\"example.com/dep\"\n)\n\nfunc main() {\n\tgo func() { dep.Set(os.Args[0]) }()\n}\n",
	})
	if out, err := exec.Command("go", "-C", dir, "mod", "vendor").CombinedOutput(); err != nil {
		t.Fatalf("go mod vendor: %v\n%s", err, out)
	}
	for _, engine := range []string{"-engine=vet", "-engine=process"} {
		r := runIn(t, dir, testEnv("GOFLAGS=-mod=vendor"), credlintBin, engine, "./...")
		if r.code != exitFindings || !regexp.MustCompile(`(?m)^cmd/srv/main.go:10:`).MatchString(r.stdout) ||
			regexp.MustCompile(`(?m)^vendor/`).MatchString(r.stdout) {
			t.Errorf("%s, vendored: want the write reported where the path leaves the module (main.go:10), none in vendor/\n%s", engine, r)
		}
		r = credlint(t, filepath.Join(dir, "cmd", "srv"), engine, "-format=json", "main.go")
		if r.code != exitFindings || !strings.Contains(r.stdout, `"origin": "user"`) {
			t.Errorf("%s, file argument: want its frames marked as the user's\n%s", engine, r)
		}
	}
}
