package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/credlint/credlint/internal/slowtest"
)

// auditJSON is what a script reads from credlint audit -format=json.
type auditJSON struct {
	Version     int
	Keys        []auditKey
	EntryPoints []struct {
		Function, Takes string
		Keys            []string
	}
	ConcurrentCredentialReads struct{ Fixable, Manual int }
	Errors                    []struct{ Package string }
}

type auditKey struct {
	Name, Class string
	Ops, Named  []string
	Accessors   []auditAccessor
	Roots       []struct {
		Kind, Name string
		Path       []struct{ File, Message string }
	}
}

type auditAccessor struct{ Function, Origin, File string }

func auditRun(t *testing.T, dir string, args ...string) (result, auditJSON) {
	t.Helper()
	r := runIn(t, dir, realEnv(), credlintBin, append([]string{"audit", "-format=json"}, args...)...)
	var inv auditJSON
	if err := json.Unmarshal([]byte(r.stdout), &inv); err != nil {
		t.Fatalf("credlint audit -format=json: %v\n%s", err, r)
	}
	return r, inv
}

func (a auditJSON) key(t *testing.T, name string) auditKey {
	t.Helper()
	for _, k := range a.Keys {
		if k.Name == name {
			return k
		}
	}
	t.Fatalf("%s is not in the inventory", name)
	return auditKey{}
}

// TestAuditProfileserver: the example's credentials are read through
// providers, from the handler and the worker; the mirror writes names
// computed at run time.
func TestAuditProfileserver(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "examples", "profileserver")
	r, inv := auditRun(t, dir, "./...")
	if r.code != exitOK || inv.Version != 1 || len(inv.Errors) > 0 {
		t.Fatalf("want exit 0 and no errors:\n%s", r)
	}
	k := inv.key(t, "OPENAI_API_KEY")
	var roots []string
	for _, rt := range k.Roots {
		roots = append(roots, rt.Kind+" "+rt.Name)
		if last := rt.Path[len(rt.Path)-1]; last.File != "examples/profileserver/providers/providers.go" || last.Message != "os.Getenv called here" {
			t.Errorf("witness from %s does not end at the read in providers: %+v", rt.Name, last)
		}
	}
	if k.Class != "credential" || !slices.Contains(k.Ops, "read") || !slices.Contains(k.Named, "parameter") ||
		!slices.ContainsFunc(k.Accessors, func(a auditAccessor) bool {
			return a.Function == "providers.lookup" && a.Origin == "user"
		}) || !slices.Equal(roots, []string{"HTTP handler (*server).handleProviders", "goroutine (*server).rebuildModels"}) {
		t.Errorf("OPENAI_API_KEY: %+v", k)
	}
	if d := inv.key(t, "(dynamic name)"); !slices.Contains(d.Ops, "write") || d.Accessors[0].Function != "main.withProfileEnv" {
		t.Errorf("the mirror's dynamic writes: %+v", d)
	}
}

// TestAuditProfileserverFormats: the text and Markdown inventories of the
// example. Each is an analysis of its own in process (slow: the JSON one
// above checks the content; the writers have unit tests in
// internal/audit).
func TestAuditProfileserverFormats(t *testing.T) {
	slowtest.Require(t, "two more in-process analyses of examples/profileserver")
	t.Parallel()
	dir := filepath.Join("..", "..", "examples", "profileserver")
	for format, want := range map[string]string{
		"text":     "VARIABLE              CLASS       ACCESS",
		"markdown": "| `OPENAI_API_KEY` | credential |",
	} {
		r := runIn(t, dir, realEnv(), credlintBin, "audit", "-format="+format, "./...")
		if r.code != exitOK || !strings.Contains(r.stdout, want) {
			t.Errorf("audit -format=%s: want %q\n%s", format, want, r)
		}
	}
}

// TestAuditRealdeps: credentials read deep inside the AWS SDK and
// openai-go, listed with the SDK functions that read them and the roots
// of main.go that reach them; both entry points accept the credentials
// explicitly through an adapter (issue 14), so every concurrent credential
// read through them can be fixed automatically.
func TestAuditRealdeps(t *testing.T) {
	slowtest.Require(t, "analyses testdata/realdeps, the AWS SDK and openai-go, in process")
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata", "realdeps")
	r, inv := auditRun(t, dir, "./...")
	if r.code != exitOK || len(inv.Errors) > 0 {
		t.Fatalf("want exit 0 and no errors:\n%s", r)
	}
	for name, fn := range map[string]string{"AWS_ACCESS_KEY_ID": "config.setStringFromEnvVal", "OPENAI_API_KEY": "openai.DefaultClientOptions"} {
		k := inv.key(t, name)
		ok := slices.ContainsFunc(k.Accessors, func(a auditAccessor) bool {
			return a.Function == fn && a.Origin == "third-party" && strings.HasPrefix(a.File, "/")
		})
		if k.Class != "credential" || !ok || len(k.Roots) == 0 || k.Roots[0].Path[0].File != "testdata/realdeps/main.go" {
			t.Errorf("%s: want a credential read by %s (third-party, outside the repository) from main.go's roots: %+v", name, fn, k)
		}
	}
	stdlib := false
	for _, k := range inv.Keys {
		for _, a := range k.Accessors {
			stdlib = stdlib || a.Origin == "stdlib"
		}
	}
	if !stdlib {
		t.Errorf("no variable read by the standard library")
	}
	takes := map[string]string{}
	for _, e := range inv.EntryPoints {
		takes[e.Function] = e.Takes
	}
	if takes["config.LoadDefaultConfig"] != "explicit: awsenv.With" || takes["openai.NewClient"] != "explicit: openaienv.With" ||
		inv.ConcurrentCredentialReads.Fixable == 0 {
		t.Errorf("entry points %v, concurrent credential reads %+v: want both explicit, and fixable reads",
			takes, inv.ConcurrentCredentialReads)
	}
}

func TestAuditUsage(t *testing.T) {
	t.Parallel()
	if r := credlint(t, t.TempDir(), "audit", "-h"); r.code != exitOK || !strings.Contains(r.stdout, "credlint audit [flags] [packages]") {
		t.Errorf("audit -h:\n%s", r)
	}
	if r := credlint(t, t.TempDir(), "audit", "-format=sarif"); r.code != exitError || !strings.Contains(r.stderr, "unknown format") {
		t.Errorf("audit -format=sarif:\n%s", r)
	}
	dir := writeModule(t, map[string]string{"gor/gor.go": goroutineGo, "bad/bad.go": "package bad\n\nfunc F() int { return x }\n"})
	r := credlint(t, dir, "audit", "./...")
	if r.code != exitError || !strings.Contains(r.stderr, "example.com/m/bad: not analysed") || !strings.Contains(r.stdout, "API_TOKEN") {
		t.Errorf("audit with a broken package: want exit 1 and the others' inventory:\n%s", r)
	}
	// The inventory never reads as the whole program's (issue 16): its
	// summary says it is incomplete, and it ends with what it left out.
	if !strings.HasPrefix(r.stdout, "credlint audit: incomplete, 1 package not analysed (see the errors); in the rest: ") ||
		!strings.Contains(r.stdout, "Not analysed (the errors are on stderr):\n  example.com/m/bad: not analysed: the package does not type-check\n") {
		t.Errorf("audit with a broken package: want an incomplete summary and the package left out:\n%s", r)
	}
}
