package main

import (
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// The CI gate end to end: the output formats, the baseline and the exit
// codes of the built binary, on testdata/ci, a small module of two
// packages: a helper in lib read from two goroutines of app (one in each
// of two files), a write in a goroutine, a read inside the standard
// library ((*exec.Cmd).Environ copying os.Environ), and a read with a
// suggested fix.

var update = flag.Bool("update", false, "rewrite the golden files: testdata/ci.sarif.golden, and the flags table in docs/flags.md")

const ciDir = "testdata/ci"

// ciRules turns on the advice rule of testdata/ci's reads: nothing there
// writes the credentials its goroutines read, so they are cred-read-shared
// advice, off by default; the tests of formats and baselines need them.
const ciRules = "-rules=cred-read-shared"

// sarif runs credlint with args (which select SARIF output) in dir,
// checks the log against the SARIF 2.1.0 schema, and returns the result
// and the decoded log. Every SARIF log the tests produce goes through it.
func sarif(t *testing.T, dir string, env []string, args ...string) (result, map[string]any) {
	t.Helper()
	return sarifOf(t, credlintBin, dir, env, args...)
}

// sarifOf is sarif for another binary (credlint-probe).
func sarifOf(t *testing.T, bin, dir string, env []string, args ...string) (result, map[string]any) {
	t.Helper()
	r := runIn(t, dir, env, bin, args...)
	if err := validateSARIF([]byte(r.stdout)); err != nil {
		t.Fatalf("credlint %s: invalid SARIF: %v\n%s", strings.Join(args, " "), err, r)
	}
	var log map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	return r, log
}

// results returns the results of a SARIF log's run.
func results(log map[string]any) []map[string]any {
	var out []map[string]any
	for _, r := range log["runs"].([]any)[0].(map[string]any)["results"].([]any) {
		out = append(out, r.(map[string]any))
	}
	return out
}

// validateSARIF is the one check of every SARIF log the tests produce.
func validateSARIF(data []byte) error { return output.ValidateSARIF(data) }

var goroot = sync.OnceValue(func() string {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return "/nonexistent"
	}
	return strings.TrimSpace(string(out))
})

// normalizeSARIF makes a log comparable across machines and Go versions:
// the source root and GOROOT become $SRCROOT and $GOROOT, and the lines
// and columns of standard-library frames are zeroed.
func normalizeSARIF(t *testing.T, log map[string]any, srcRoot string) string {
	t.Helper()
	var walk func(v any) any
	walk = func(v any) any {
		switch v := v.(type) {
		case string:
			v = strings.ReplaceAll(v, filepath.ToSlash(goroot()), "$GOROOT")
			return strings.ReplaceAll(v, filepath.ToSlash(srcRoot), "$SRCROOT")
		case []any:
			for i := range v {
				v[i] = walk(v[i])
			}
		case map[string]any:
			for k := range v {
				v[k] = walk(v[k])
			}
			if art, ok := v["artifactLocation"].(map[string]any); ok && strings.HasPrefix(art["uri"].(string), "file://$GOROOT") {
				if region, ok := v["region"].(map[string]any); ok {
					for _, k := range []string{"startLine", "startColumn", "endLine", "endColumn"} {
						if _, ok := region[k]; ok {
							region[k] = 0
						}
					}
				}
			}
		}
		return v
	}
	data, err := json.MarshalIndent(walk(log), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(data) + "\n"
}

// TestSARIFGolden pins the SARIF log of testdata/ci, with its baseline.
// Run go test -run TestSARIFGolden -update after an intended change.
func TestSARIFGolden(t *testing.T) {
	t.Parallel()
	abs, err := filepath.Abs(ciDir)
	if err != nil {
		t.Fatal(err)
	}
	r, log := sarif(t, ciDir, testEnv(), ciRules, "-format=sarif", "-srcroot=.", "-baseline=credlint.baseline", "./...")
	if r.code != exitFindings || !strings.Contains(r.stderr, "1 findings are listed in the baseline credlint.baseline") {
		t.Errorf("want exit 3 and the count of baselined findings:\n%s", r)
	}
	// What the golden file must show, whatever it is regenerated to.
	var flows, fixes, suppressed, stdlib int
	for _, res := range results(log) {
		cf := res["codeFlows"].([]any)
		flows += len(cf)
		fixes += len(res["fixes"].([]any))
		if s, ok := res["suppressions"].([]any); ok && len(s) > 0 {
			suppressed++
		}
		if fp := res["partialFingerprints"].(map[string]any)["credlintFingerprint/v2"]; len(fp.(string)) != 32 {
			t.Errorf("fingerprint %v", fp)
		}
		for _, f := range cf {
			locs := f.(map[string]any)["threadFlows"].([]any)[0].(map[string]any)["locations"].([]any)
			last := locs[len(locs)-1].(map[string]any)["location"].(map[string]any)["physicalLocation"].(map[string]any)
			if uri := last["artifactLocation"].(map[string]any)["uri"].(string); strings.HasPrefix(uri, "file://"+filepath.ToSlash(goroot())) {
				stdlib++
			}
		}
	}
	if n := len(results(log)); n != 4 || flows != 5 || fixes != 1 || suppressed != 1 || stdlib != 1 {
		t.Errorf("%d results, %d code flows, %d fixes, %d suppressed, %d ending in GOROOT; want 4, 5, 1, 1, 1", n, flows, fixes, suppressed, stdlib)
	}

	got := normalizeSARIF(t, log, abs)
	golden := filepath.Join("testdata", "ci.sarif.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("SARIF differs from %s (go test -run TestSARIFGolden -update rewrites it):\n%s", golden, lineDiff(string(want), got))
	}
}

// lineDiff shows the first lines where a and b differ.
func lineDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) || i < len(lb); i++ {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n- " + x + "\n+ " + y
		}
	}
	return "(no difference in lines)"
}

// TestFormats runs every format on testdata/ci: the findings and the exit
// code are the same in all of them, -exit-zero turns 3 into 0, and an
// unknown format is a usage error.
func TestFormats(t *testing.T) {
	t.Parallel()
	r := credlint(t, ciDir, ciRules, "./...")
	checkText(t, r.stdout)
	if r.code != exitFindings || strings.Count(r.stdout, "\n    ") == 0 || !strings.Contains(r.stdout, "(root 2 of 2)") {
		t.Errorf("text: want exit 3 and the findings with both roots of lib.go's read:\n%s", r)
	}
	if !strings.HasPrefix(r.stdout, "app/app.go:17:3: os.Setenv(\"REGION\")") || !strings.Contains(r.stdout, "\nlib/lib.go:9:42: os.Getenv(\"API_TOKEN\")") {
		t.Errorf("text: want the write first and the read at the access in lib:\n%s", r.stdout)
	}

	r = credlint(t, ciDir, ciRules, "-format=json", "./...")
	var model struct {
		Version  int
		Findings []struct {
			Rule  string
			Roots []struct{ Name string }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &model); err != nil || r.code != exitFindings || model.Version != output.ModelVersion || len(model.Findings) != 4 {
		t.Errorf("-format=json: %v %+v\n%s", err, model, r)
	}

	r = credlint(t, ciDir, ciRules, "-format=github", "-srcroot=.", "./...")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if r.code != exitFindings || len(lines) != 4 || !strings.HasPrefix(lines[0], "::error file=app/app.go,line=17,") ||
		!strings.HasPrefix(lines[3], "::notice file=lib/lib.go,line=9,endLine=9,col=42,endColumn=57,title=credlint cred-read-shared::") {
		t.Errorf("-format=github: want 4 annotations, paths relative to -srcroot:\n%s", r)
	}

	r, _ = sarif(t, ciDir, testEnv(), ciRules, "-format=sarif", "-exit-zero", "./...")
	if r.code != exitOK {
		t.Errorf("-exit-zero: exit %d, want 0\n%s", r.code, r.stderr)
	}
	r = credlint(t, ciDir, ciRules, "-json", "./...")
	if diags, errs := parseTree(t, r.stdout); len(diags) == 0 || len(errs) > 0 || r.code != exitFindings {
		t.Errorf("-json is go vet's tree, per package:\n%s", r)
	}
	r = credlint(t, ciDir, ciRules, "-format=xml", "./...")
	if r.code != exitError || !strings.Contains(r.stderr, `unknown format "xml" (want text, json, sarif, github)`) {
		t.Errorf("unknown format:\n%s", r)
	}
}

// TestSARIFToolError: a package that does not type-check is a tool error
// (exit 1), named in the log's notifications, and the findings of the
// other packages are in the log.
func TestSARIFToolError(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"gor/gor.go": goroutineGo,
		"bad/bad.go": "package bad\n\nfunc F() int { return undefinedThing }\n",
	})
	r, log := sarif(t, dir, testEnv(), "-format=sarif", "./...")
	inv := log["runs"].([]any)[0].(map[string]any)["invocations"].([]any)[0].(map[string]any)
	notes, _ := json.Marshal(inv["toolExecutionNotifications"])
	if r.code != exitError || inv["executionSuccessful"] != false || !strings.Contains(string(notes), "example.com/m/bad") ||
		len(results(log)) != 1 || !strings.Contains(r.stderr, "example.com/m/bad: not analysed") {
		t.Errorf("want exit 1, the error in the log and on stderr, and gor's finding:\n%s", r)
	}
}

// TestSuppressedInSARIF: a finding an ignore directive covers is not shown
// and does not count, but stays in the SARIF log with an in-source
// suppression and the directive's reason. The analyzer drops such findings
// today; the probe reports one the way the driver expects (at the doc
// comment of a function named Suppressed).
func TestSuppressedInSARIF(t *testing.T) {
	t.Parallel()
	sup := "package sup\n\nimport \"os\"\n\n// Suppressed sets A once.\nfunc Suppressed() {\n\tos.Setenv(\"A\", \"b\")\n}\n"
	dir := writeModule(t, map[string]string{"gor/gor.go": goroutineGo, "sup/sup.go": sup})
	r, log := sarifOf(t, probeBin, dir, testEnv(), "-format=sarif", "-srcroot=.", "./...")
	var probes []map[string]any
	for _, res := range results(log) {
		if res["ruleId"] == "probe-env-write" {
			probes = append(probes, res)
		}
	}
	if r.code != exitFindings || len(probes) != 2 {
		t.Fatalf("want exit 3 and both probe findings in the log:\n%s", r)
	}
	sups, _ := probes[1]["suppressions"].([]any)
	if probes[0]["suppressions"] != nil || len(sups) != 1 {
		t.Fatalf("want one suppression, on sup.go's finding: %v", probes)
	}
	s := sups[0].(map[string]any)
	loc := s["location"].(map[string]any)["physicalLocation"].(map[string]any)
	if s["kind"] != "inSource" || s["justification"] != "set once at startup" ||
		loc["artifactLocation"].(map[string]any)["uri"] != "sup/sup.go" || loc["region"].(map[string]any)["startLine"] != 5.0 {
		t.Errorf("suppression: %v", s)
	}
	r = runIn(t, dir, testEnv(), probeBin, "./sup")
	if r.code != exitOK || strings.Contains(r.stdout, "probe:") {
		t.Errorf("text: the suppressed finding must not show or count:\n%s", r)
	}
}
