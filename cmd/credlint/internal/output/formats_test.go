package output_test

import (
	"bytes"
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
	"github.com/credlint/credlint/cmd/credlint/internal/rules"
)

// sampleRoot is the directory of sample's repository: its files are
// written there, so that the formats can read lines (SARIF's UTF-16
// columns).
func sampleReport(t *testing.T) (*output.Report, string) {
	t.Helper()
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	srv := filepath.Join(root, "srv", "srv.go")
	lib := filepath.Join(root, "lib", "lib.go")
	if err := os.MkdirAll(filepath.Dir(srv), 0o755); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(lib), 0o755)
	// Line 3 has a non-ASCII comment before the go statement: byte column
	// 23 is UTF-16 column 20 ("é" is 2 bytes, 1 unit; "😀" 4 bytes, 2 units).
	write(t, srv, "package srv\n\nfunc f() { /*é😀*/ go g() }\n")
	write(t, lib, "package lib\n\nfunc Token() string { return os.Getenv(\"API_TOKEN\") }\n")
	pos := func(file string, line, col int) token.Position {
		return token.Position{Filename: file, Line: line, Column: col}
	}
	stdlib := "/goroot/src/os/env.go"
	w1 := output.Witness{
		Root: output.Root{Package: "example.com/srv", Name: "g", Kind: "goroutine"},
		Keys: []string{"API_TOKEN"}, Holder: "lib.Token", Op: "os.Getenv", Fingerprint: "fp-1",
		Frames: []output.Frame{
			{Posn: pos(srv, 3, 23), End: pos(srv, 3, 29), Message: "goroutine started here", Origin: output.OriginUser},
			{Posn: pos(lib, 3, 30), End: pos(lib, 3, 51), Message: "os.Getenv called here", Function: "os.Getenv", Origin: output.OriginUser},
		},
	}
	w2 := w1
	w2.Root.Name, w2.Fingerprint = "h", "fp-2"
	read := output.Finding{
		Package: "example.com/lib", Analyzer: "credlint", Category: "cred-read-concurrent",
		Posn: pos(lib, 3, 30), End: pos(lib, 3, 51),
		Message:     `os.Getenv("API_TOKEN") reads a credential reachable from goroutine g and 1 other root`,
		Witnesses:   []output.Witness{w1, w2},
		Fingerprint: "fp-1",
		Fixes: []output.Fix{
			{Message: "Replace os.Getenv with profileenv.Getenv", Edits: []output.Edit{{Filename: lib, Start: 40, End: 49, New: "profileenv.Getenv"}}},
			{Message: "Outside the repository", Edits: []output.Edit{{Filename: stdlib, Start: 1, End: 2, New: "x"}}},
			{Message: "Overlapping", Edits: []output.Edit{{Filename: lib, Start: 1, End: 5, New: "x"}, {Filename: lib, Start: 3, End: 6, New: "y"}}},
		},
		Baseline: output.BaselineNew,
	}
	w3 := output.Witness{
		Root: output.Root{Package: "example.com/srv", Name: "func literal in f", Kind: "goroutine"},
		Keys: []string{"HOME"}, Holder: "os.UserHomeDir", Op: "os.Getenv", Fingerprint: "fp-3",
		Frames: []output.Frame{
			{Posn: pos(srv, 3, 23), End: pos(srv, 3, 29), Message: "goroutine started here", Origin: output.OriginUser},
			{Posn: pos(stdlib, 10, 2), End: pos(stdlib, 10, 2), Message: "os.Getenv called here", Function: "os.Getenv", Origin: output.OriginStdlib},
		},
	}
	home := output.Finding{
		Package: "example.com/srv", Analyzer: "credlint", Category: "cred-read-concurrent",
		Posn: pos(srv, 3, 23), End: pos(srv, 3, 29), Message: `os.Getenv("HOME") reads a credential, 100% sure, see: a,b`,
		Witnesses: []output.Witness{w3}, Fingerprint: "fp-3",
		Suppressions: []output.Suppression{{Kind: output.SuppressExternal, Justification: "listed in the baseline b.txt"}},
		Baseline:     output.BaselineUnchanged,
	}
	ignored := output.Finding{
		Package: "example.com/srv", Analyzer: "credlint", Category: "env-write-concurrent",
		Posn: pos(srv, 3, 12), End: pos(srv, 3, 12), Message: "os.Setenv(\"TZ\") reachable from goroutine g",
		Fingerprint:  "fp-4",
		Suppressions: []output.Suppression{{Kind: output.SuppressInSource, Justification: "set once", Posn: pos(srv, 2, 1)}},
	}
	return &output.Report{
		Findings: []output.Finding{home, read, ignored},
		Errors:   []output.Error{{Package: "example.com/bad", Analyzer: "credlint", Message: "not analysed: the package does not type-check"}},
	}, root
}

func sarifOf(t *testing.T, r *output.Report, root string) map[string]any {
	t.Helper()
	all, err := rules.All()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := (output.SARIF{Rules: all, Version: "1.2.3", SrcRoot: root}).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	if err := output.ValidateSARIF(buf.Bytes()); err != nil {
		t.Fatalf("invalid SARIF: %v\n%s", err, buf.String())
	}
	var log map[string]any
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	return log
}

// get follows a path of keys and indexes through decoded JSON.
func get(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%v: not an object at %q", path, k)
			}
			v = m[k]
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				t.Fatalf("%v: no element %d", path, k)
			}
			v = a[k]
		}
	}
	return v
}

func TestSARIF(t *testing.T) {
	r, root := sampleReport(t)
	log := sarifOf(t, r, root)
	run := get(t, log, "runs", 0)
	if n := len(get(t, run, "tool", "driver", "rules").([]any)); n != len(mustRules(t)) {
		t.Errorf("%d rules, want one per rule ID", n)
	}
	results := get(t, run, "results").([]any)
	if len(results) != 3 {
		t.Fatalf("%d results, want all 3 findings, suppressed ones included", len(results))
	}
	// Sorted by position: lib.go:3, srv.go:3:12, srv.go:3:17.
	read, ignored, home := results[0], results[1], results[2]
	checks := []struct {
		v    any
		want any
	}{
		{get(t, read, "ruleId"), "CL1002"},
		{get(t, read, "level"), "error"}, // cred-read-concurrent is a race
		{get(t, read, "locations", 0, "physicalLocation", "artifactLocation", "uri"), "lib/lib.go"},
		{get(t, read, "locations", 0, "physicalLocation", "artifactLocation", "uriBaseId"), "%SRCROOT%"},
		{get(t, read, "locations", 0, "physicalLocation", "region", "endColumn"), 51.0},
		{get(t, read, "partialFingerprints", "credlintFingerprint/v2"), "fp-1"},
		{len(get(t, read, "codeFlows").([]any)), 2},
		{get(t, read, "codeFlows", 1, "threadFlows", 0, "locations", 0, "location", "message", "text"), "goroutine started here"},
		{len(get(t, read, "fixes").([]any)), 1},
		{get(t, read, "fixes", 0, "artifactChanges", 0, "replacements", 0, "deletedRegion", "byteOffset"), 40.0},
		{get(t, read, "baselineState"), "new"},
		{get(t, read, "suppressions"), nil},
		{get(t, home, "codeFlows", 0, "threadFlows", 0, "locations", 1, "location", "physicalLocation", "artifactLocation", "uri"), "file:///goroot/src/os/env.go"},
		{get(t, home, "codeFlows", 0, "threadFlows", 0, "locations", 1, "location", "physicalLocation", "artifactLocation", "uriBaseId"), nil},
		{get(t, home, "codeFlows", 0, "threadFlows", 0, "locations", 1, "properties", "origin"), "stdlib"},
		{get(t, home, "locations", 0, "physicalLocation", "region", "startColumn"), 20.0},
		{get(t, home, "locations", 0, "physicalLocation", "region", "endColumn"), 26.0},
		{get(t, home, "suppressions", 0, "kind"), "external"},
		{get(t, home, "baselineState"), "unchanged"},
		{get(t, ignored, "suppressions", 0, "kind"), "inSource"},
		{get(t, ignored, "suppressions", 0, "justification"), "set once"},
		{get(t, ignored, "level"), "error"},
		{get(t, run, "invocations", 0, "executionSuccessful"), false},
		{get(t, run, "originalUriBaseIds", "%SRCROOT%", "uri"), "file://" + filepath.ToSlash(root) + "/"},
		{get(t, run, "tool", "driver", "version"), "1.2.3"},
	}
	for i, c := range checks {
		if c.v != c.want {
			t.Errorf("check %d: got %v, want %v", i, c.v, c.want)
		}
	}
	notes := get(t, run, "invocations", 0, "toolExecutionNotifications").([]any)
	if len(notes) != 1 || !strings.Contains(get(t, notes[0], "message", "text").(string), "example.com/bad") {
		t.Errorf("errors as notifications: %v", notes)
	}
}

func TestSARIFRuleMetadata(t *testing.T) {
	log := sarifOf(t, &output.Report{}, t.TempDir())
	rs := get(t, log, "runs", 0, "tool", "driver", "rules").([]any)
	for i, want := range mustRules(t) {
		rule := rs[i]
		for _, c := range []struct {
			path []any
			want any
		}{
			{[]any{"id"}, want.OpaqueID},
			{[]any{"name"}, want.ID},
			{[]any{"shortDescription", "text"}, want.Short},
			{[]any{"fullDescription", "text"}, want.Full},
			{[]any{"help", "text"}, want.HelpText},
			{[]any{"help", "markdown"}, want.HelpMarkdown},
			{[]any{"helpUri"}, want.HelpURI},
			{[]any{"defaultConfiguration", "level"}, want.Level},
			{[]any{"properties", "precision"}, want.Precision},
		} {
			if got := get(t, rule, c.path...); got != c.want {
				t.Errorf("rule %s %v: got %v, want %v", want.ID, c.path, got, c.want)
			}
		}
		tags := get(t, rule, "properties", "tags").([]any)
		sev, _ := get(t, rule, "properties").(map[string]any)["security-severity"].(string)
		if (len(tags) > 0 && tags[0] == "security") != (sev != "") {
			t.Errorf("rule %s: tags %v, security-severity %q", want.ID, tags, sev)
		}
	}
	if results := get(t, log, "runs", 0, "results").([]any); len(results) != 0 {
		t.Errorf("empty report: results %v", results)
	}
}

// TestValidateSARIF checks that the validator rejects what GitHub would.
func TestValidateSARIF(t *testing.T) {
	for name, data := range map[string]string{
		"not JSON":      "{",
		"wrong version": `{"version": "2.0.0", "runs": []}`,
		"bad level":     `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "high"}]}]}`,
		"no message":    `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "x"}]}]}`,
	} {
		if err := output.ValidateSARIF([]byte(data)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func mustRules(t *testing.T) []output.Rule {
	t.Helper()
	all, err := rules.All()
	if err != nil {
		t.Fatal(err)
	}
	return all
}

func TestGitHub(t *testing.T) {
	r, root := sampleReport(t)
	r.Findings = append(r.Findings, output.Finding{
		Category: "env-write-concurrent", Message: "os.Setenv(\"K\") in a file nobody changed",
		Posn: token.Position{Filename: filepath.Join(root, "old.go"), Line: 4, Column: 2},
		End:  token.Position{Filename: filepath.Join(root, "old.go"), Line: 4, Column: 9},
	})
	levels := map[string]string{"cred-read-concurrent": "warning", "env-write-concurrent": "error"}
	var buf bytes.Buffer
	g := output.GitHub{SrcRoot: root, Levels: levels, Changed: map[string]bool{"srv/srv.go": true}, ChangedFrom: "origin/main"}
	if err := g.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	// The read is in lib.go, which did not change, but its witnesses
	// start in srv.go, which did: it is annotated. The suppressed findings
	// are not shown; old.go's finding is counted and listed.
	want := "::warning file=lib/lib.go,line=3,endLine=3,col=30,endColumn=51,title=credlint cred-read-concurrent::" +
		`os.Getenv("API_TOKEN") reads a credential reachable from goroutine g and 1 other root` +
		"%0A%0APath from goroutine g:%0A  srv/srv.go:3: goroutine started here%0A  lib/lib.go:3: os.Getenv called here" +
		"%0A%0AAlso reached from:%0A  goroutine h (srv/srv.go:3)\n" +
		"::notice title=credlint::1 more findings in files not changed since origin/main; they are listed below (and in the SARIF upload)\n" +
		"old.go:4:2: os.Setenv(\"K\") in a file nobody changed [env-write-concurrent]\n"
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}

	// Without -changed-from everything is annotated; properties and data
	// are escaped.
	buf.Reset()
	r.Findings[0].Suppressions = nil
	r.Findings[0].Posn.Filename = filepath.Join(root, "a,b:c.go")
	if err := (output.GitHub{SrcRoot: root, Levels: levels}).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{
		"::warning file=a%2Cb%3Ac.go,line=3,title=credlint cred-read-concurrent::os.Getenv(\"HOME\") reads a credential, 100%25 sure, see: a,b%0A",
		"::error file=old.go,line=4,endLine=4,col=2,endColumn=9,title=credlint env-write-concurrent::",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "::notice") || strings.Count(got, "\n") != 3 {
		t.Errorf("want 3 annotations and no notice:\n%s", got)
	}
}

func TestModel(t *testing.T) {
	r, root := sampleReport(t)
	r.Stale = []output.StaleEntry{{Fingerprint: "old", Rule: "env-write-concurrent", Root: "goroutine x", Access: "os.Setenv(\"A\") in x"}}
	var buf bytes.Buffer
	tiers := map[string]string{"cred-read-concurrent": "race"}
	if err := (output.Model{SrcRoot: root, Tiers: tiers}).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Version  int
		Findings []struct {
			Rule, Tier, Fingerprint, Baseline string
			Location                          struct{ File string }
			Roots                             []struct {
				Name, Holder string
				Keys         []string
				Path         []struct{ File, Origin string }
			}
			Suppressions []struct{ Kind string }
		}
		Errors []struct{ Package string }
		Stale  []struct{ Fingerprint string } `json:"stale_baseline"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != output.ModelVersion || len(got.Findings) != 3 || len(got.Errors) != 1 || len(got.Stale) != 1 {
		t.Fatalf("got %+v", got)
	}
	read := got.Findings[0]
	if read.Rule != "cred-read-concurrent" || read.Tier != "race" {
		t.Errorf("read: rule %q, tier %q; want the rule's tier", read.Rule, read.Tier)
	}
	if read.Location.File != "lib/lib.go" || len(read.Roots) != 2 || read.Roots[1].Name != "h" || read.Baseline != "new" ||
		read.Roots[0].Path[0].File != "srv/srv.go" || read.Roots[0].Holder != "lib.Token" {
		t.Errorf("read: %+v", read)
	}
	if home := got.Findings[2]; home.Roots[0].Path[1].File != "/goroot/src/os/env.go" || home.Roots[0].Path[1].Origin != "stdlib" ||
		len(home.Suppressions) != 1 {
		t.Errorf("home: %+v", home)
	}
}

func TestTextWitnesses(t *testing.T) {
	r, root := sampleReport(t)
	var buf bytes.Buffer
	if err := (output.Text{Dir: root}).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	want := `lib/lib.go:3:30: os.Getenv("API_TOKEN") reads a credential reachable from goroutine g and 1 other root [cred-read-concurrent]
    srv/srv.go:3:23: goroutine started here (root 1 of 2)
    lib/lib.go:3:30: os.Getenv called here
    srv/srv.go:3:23: goroutine started here (root 2 of 2)
    lib/lib.go:3:30: os.Getenv called here
`
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant (no suppressed findings):\n%s", buf.String(), want)
	}
	if n := len(r.Counted()); n != 1 {
		t.Errorf("Counted: %d findings, want 1", n)
	}
}

// TestNewRootOfBaselinedFinding checks a finding the baseline lists under
// one root and that a new root now reaches: GitHub annotates the new
// root, in the file that changed, and says it is not in the baseline;
// SARIF and text say which root is new.
func TestNewRootOfBaselinedFinding(t *testing.T) {
	r, root := sampleReport(t)
	read := r.Findings[1]
	read.Witnesses = append([]output.Witness(nil), read.Witnesses...)
	read.Witnesses[0].Baseline = output.BaselineUnchanged // goroutine g: old
	read.Witnesses[1].Baseline = output.BaselineNew       // goroutine h: new
	read.Witnesses[1].Frames = append([]output.Frame(nil), read.Witnesses[1].Frames...)
	read.Witnesses[1].Frames[0].Posn.Line, read.Witnesses[1].Frames[0].End.Line = 1, 1
	r.Findings = []output.Finding{read}

	var buf bytes.Buffer
	levels := map[string]string{"cred-read-concurrent": "warning"}
	g := output.GitHub{SrcRoot: root, Levels: levels, Changed: map[string]bool{"srv/srv.go": true}, ChangedFrom: "origin/main"}
	if err := g.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=srv/srv.go,line=1,endLine=1,col=23,endColumn=29,title=credlint cred-read-concurrent::" +
		"not in the baseline: goroutine h now reaches a finding the baseline lists for its other roots: " +
		`os.Getenv("API_TOKEN") reads a credential reachable from goroutine g and 1 other root` +
		"%0A%0APath from goroutine h:%0A  srv/srv.go:1: goroutine started here%0A  lib/lib.go:3: os.Getenv called here" +
		"%0A%0AAlso reached from:%0A  goroutine g (srv/srv.go:3)\n"
	if buf.String() != want {
		t.Errorf("github: got:\n%s\nwant:\n%s", buf.String(), want)
	}

	log := sarifOf(t, r, root)
	if msg := get(t, log, "runs", 0, "results", 0, "codeFlows", 1, "message", "text"); msg != "goroutine h (not in the baseline) reaches os.Getenv" {
		t.Errorf("sarif: new root's code flow says %q", msg)
	}
	if msg := get(t, log, "runs", 0, "results", 0, "codeFlows", 0, "message", "text"); msg != "goroutine g reaches os.Getenv" {
		t.Errorf("sarif: old root's code flow says %q", msg)
	}

	buf.Reset()
	if err := (output.Text{Dir: root}).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "srv/srv.go:1:23: goroutine started here (root 2 of 2, not in the baseline)") {
		t.Errorf("text does not mark the new root:\n%s", buf.String())
	}
}
