package analyzer_test

import (
	"bufio"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/credlint/credlint/analyzer"
)

// rulesDocPath is docs/rules.md, relative to this package's directory (go
// test runs in it).
const rulesDocPath = "../docs/rules.md"

// rulesDocIDShape matches a heading that looks like a rule ID: lowercase
// words joined by hyphens. Intro headings ("Concurrent roots") have spaces
// or capitals, so they never match.
var rulesDocIDShape = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)+$`)

// TestRulesDoc checks that docs/rules.md has exactly one "## <id>" heading
// per rule ID, because drivers link to docs/rules.md#<category> and GitHub
// derives that anchor from the heading text. A heading shaped like an ID
// that is not one (a typo, a retired rule) fails too.
func TestRulesDoc(t *testing.T) {
	headings := rulesDocHeadings(t, rulesDocPath)
	ids := analyzer.Rules()
	for _, id := range ids {
		switch n := headings[id]; n {
		case 0:
			t.Errorf("%s: no %q heading for rule %s", rulesDocPath, "## "+id, id)
		case 1:
		default:
			t.Errorf("%s: %d %q headings; want one, or the anchor becomes %s-1", rulesDocPath, n, "## "+id, id)
		}
	}
	for h := range headings {
		if rulesDocIDShape.MatchString(h) && !slices.Contains(ids, h) {
			t.Errorf("%s: heading %q is not a rule ID (rules: %s)", rulesDocPath, "## "+h, strings.Join(ids, ", "))
		}
	}
}

// rulesDocHeadings counts the level-2 headings of a Markdown file, outside
// fenced code blocks, by their text.
func rulesDocHeadings(t *testing.T, path string) map[string]int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	headings := map[string]int{}
	fenced := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		if text, ok := strings.CutPrefix(line, "## "); ok && !fenced {
			headings[strings.TrimSpace(text)]++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return headings
}
