package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// copyCI copies testdata/ci to a new directory and returns it.
func copyCI(t *testing.T) string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(ciDir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(ciDir, path)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return writeModule(t, files)
}

func edit(t *testing.T, dir, name string, f func(string) string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	data, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(f(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
}

// pollerGo adds a root, in a file of its own, that calls the helper whose
// access is already in the baseline: the accessing line does not change.
const pollerGo = "package app\n\nimport \"example.com/ci/lib\"\n\n// Refresh refreshes in the background.\nfunc Refresh() {\n\tgo func() { _ = lib.Token() }()\n}\n"

// TestBaselineWorkflow writes a baseline and checks what it lets through
// as the code changes: nothing when lines move; the finding when a new
// root reaches an old access from another file; and it lists the entries
// that no longer match.
func TestBaselineWorkflow(t *testing.T) {
	t.Parallel()
	dir := copyCI(t)
	r := credlint(t, dir, ciRules, "-write-baseline=base.txt", "./...")
	if r.code != exitOK || r.stdout != "" || !strings.Contains(r.stderr, "wrote 5 entries to the baseline base.txt") {
		t.Fatalf("-write-baseline: want exit 0 and 5 entries (4 findings, one with 2 roots):\n%s", r)
	}
	if r = credlint(t, dir, ciRules, "-baseline=base.txt", "./..."); r.code != exitOK || r.stdout != "" ||
		!strings.Contains(r.stderr, "4 findings are listed in the baseline base.txt and do not count") {
		t.Fatalf("the baseline of the same code lets nothing through:\n%s", r)
	}

	// Lines inserted above the findings and deleted above them.
	edit(t, dir, "lib/lib.go", func(s string) string {
		return strings.Replace(s, "import \"os\"\n", "import \"os\"\n\n// A comment\n// that moves\n// everything down.\n", 1)
	})
	edit(t, dir, "app/app.go", func(s string) string {
		s = strings.Replace(s, "// Package app starts workers that reach the environment: through lib, in\n// the standard library, and directly.\n", "", 1)
		return strings.Replace(s, "func worker() {", "\n\n\nfunc worker() {", 1)
	})
	if r = credlint(t, dir, ciRules, "-baseline=base.txt", "./..."); r.code != exitOK || r.stdout != "" || strings.Contains(r.stderr, "match no finding") {
		t.Errorf("moving lines changed fingerprints:\n%s", r)
	}

	// A new root reaches lib.lookup's os.Getenv from a new file.
	edit(t, dir, "app/refresh.go", func(string) string { return pollerGo })
	r, log := sarif(t, dir, testEnv(), ciRules, "-format=sarif", "-baseline=base.txt", "./...")
	var states []string
	for _, res := range results(log) {
		states = append(states, res["baselineState"].(string))
	}
	if r.code != exitFindings || strings.Join(states, " ") != "unchanged unchanged unchanged new" {
		t.Errorf("new edge: want the read in lib as the one new result, got %v\n%s", states, r.stderr)
	}
	r = credlint(t, dir, ciRules, "-baseline=base.txt", "./...")
	if r.code != exitFindings || !strings.HasPrefix(r.stdout, "lib/lib.go:13:42: os.Getenv(\"API_TOKEN\")") ||
		!strings.Contains(r.stdout, "app/refresh.go:7:2: goroutine started here (root 3 of 3, not in the baseline)\n") ||
		strings.Contains(r.stdout, "(root 2 of 3, not") {
		t.Errorf("new edge: want the read in lib, with the new root:\n%s", r)
	}

	// The write goes away: its entry is stale, and named; so is the
	// whole-environment read in the standard library, which is reported
	// only while a write is in view.
	edit(t, dir, "app/app.go", func(s string) string { return strings.Replace(s, "os.Setenv(\"REGION\", \"eu-west-1\")", "_ = 0", 1) })
	r = credlint(t, dir, ciRules, "-baseline=base.txt", "-exit-zero", "./...")
	if r.code != exitOK || !strings.Contains(r.stderr, "2 entries of the baseline base.txt match no finding any more") ||
		!strings.Contains(r.stderr, `env-write-concurrent: goroutine func literal in Start in example.com/ci/app, os.Setenv("REGION") in app.Start`) {
		t.Errorf("stale entry:\n%s", r)
	}

	// Rewriting keeps the comments of the entries that remain.
	edit(t, dir, "base.txt", func(s string) string {
		re := regexp.MustCompile(`(access: os.Getenv\("DB_PASSWORD"\) in app.Start\nseen at: \S+\ncomment:)`)
		return re.ReplaceAllString(s, "$1 read once, fixed in #9")
	})
	if data, _ := os.ReadFile(filepath.Join(dir, "base.txt")); !strings.Contains(string(data), "fixed in #9") {
		t.Fatalf("could not add a comment to:\n%s", data)
	}
	if r = credlint(t, dir, ciRules, "-write-baseline=base.txt", "./..."); r.code != exitOK || !strings.Contains(r.stderr, "wrote 4 entries") {
		t.Errorf("rewrite: %s", r)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "base.txt")); !strings.Contains(string(data), "comment: read once, fixed in #9") || strings.Contains(string(data), "REGION") {
		t.Errorf("rewritten baseline lost a comment or kept a stale entry:\n%s", data)
	}

	edit(t, dir, "bad.txt", func(string) string { return "not a baseline\n" })
	if r = credlint(t, dir, ciRules, "-baseline=bad.txt", "./..."); r.code != exitError || !strings.Contains(r.stderr, "bad.txt: line 1: not a credlint baseline") {
		t.Errorf("malformed baseline: %s", r)
	}
}

// TestGitHubChangedFrom annotates the findings a branch touches first: a
// new file whose root reaches an old access makes that access's finding
// first, although the accessing file did not change.
func TestGitHubChangedFrom(t *testing.T) {
	t.Parallel()
	gitBin, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not found")
	}
	dir := copyCI(t)
	env := append(testEnv(), "GIT_CEILING_DIRECTORIES="+filepath.Dir(dir), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null")
	gitRun := func(args ...string) {
		t.Helper()
		if r := runIn(t, dir, env, gitBin, args...); r.code != 0 {
			t.Fatalf("git %v:\n%s", args, r)
		}
	}
	gitRun("init", "-q", "-b", "main")
	gitRun("add", ".")
	gitRun("commit", "-q", "-m", "base")
	gitRun("checkout", "-q", "-b", "feature")
	edit(t, dir, "app/refresh.go", func(string) string { return pollerGo })
	gitRun("add", ".")
	gitRun("commit", "-q", "-m", "refresh")

	r := runIn(t, dir, env, credlintBin, ciRules, "-format=github", "-changed-from=main", "./...")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if r.code != exitFindings || len(lines) != 5 ||
		!strings.HasPrefix(lines[0], "::notice file=lib/lib.go,line=9,") || !strings.Contains(lines[0], "refresh.go") ||
		lines[1] != "::notice title=credlint::3 more findings in files not changed since main; they are listed below (and in the SARIF upload)" ||
		!strings.HasPrefix(lines[2], "app/app.go:17:3: os.Setenv(\"REGION\")") {
		t.Errorf("want the read in lib annotated, then a notice and the 3 others as plain lines:\n%s", r)
	}
	r = runIn(t, dir, env, credlintBin, ciRules, "-format=github", "-changed-from=nosuchrev", "./...")
	if r.code != exitFindings || !strings.Contains(r.stderr, "-changed-from: git merge-base") && !strings.Contains(r.stderr, "-changed-from: git diff") ||
		strings.Count(r.stdout, "\n::") != 3 {
		t.Errorf("unknown revision (a shallow clone): want a warning and every finding annotated:\n%s", r)
	}
}
