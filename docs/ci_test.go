package docs

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestPreCommitHook keeps docs/ci.md's pre-commit section true: it names
// the file the repository defines its hook in, and every hook id its
// examples use from this repository is defined there. (A newcomer once
// looked for the `.pre-commit-config.yaml` the section named; the
// repository's file is `.pre-commit-hooks.yaml`.)
func TestPreCommitHook(t *testing.T) {
	hooks, err := os.ReadFile("../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defined := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^- id: (\S+)`).FindAllStringSubmatch(string(hooks), -1) {
		defined[m[1]] = true
	}
	if len(defined) == 0 {
		t.Fatal(".pre-commit-hooks.yaml defines no hook")
	}
	ci, err := os.ReadFile("ci.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(ci)
	start := strings.Index(section, "\n## pre-commit\n")
	if start < 0 {
		t.Fatal("docs/ci.md has no pre-commit section")
	}
	section = section[start+1:]
	if end := strings.Index(section[3:], "\n## "); end >= 0 {
		section = section[:end+3]
	}
	if !strings.Contains(section, "`.pre-commit-hooks.yaml`") {
		t.Error("docs/ci.md's pre-commit section does not name .pre-commit-hooks.yaml, the file that defines the hook")
	}
	// The first example uses the repository's hooks; the second a local one.
	remote := section
	if i := strings.Index(remote, "repo: local"); i >= 0 {
		remote = remote[:i]
	}
	ids := regexp.MustCompile(`(?m)^\s+- id: (\S+)`).FindAllStringSubmatch(remote, -1)
	if len(ids) == 0 {
		t.Fatal("docs/ci.md's pre-commit example uses no hook id")
	}
	for _, m := range ids {
		if !defined[m[1]] {
			t.Errorf("docs/ci.md uses hook id %q, which .pre-commit-hooks.yaml does not define", m[1])
		}
	}
}
