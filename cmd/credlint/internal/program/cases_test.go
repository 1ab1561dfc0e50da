package program_test

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/credlint/credlint/analyzer"
)

// The ported cases of the analyzer's testdata (analyzer/testdata/src/cases)
// are checked there in go vet's placement, by their // want comments. Here
// the same files are checked in the whole-program placement, which the
// cases' annotations must hold in too (docs/rules.md, "Where a finding is
// placed"): a line with a // want comment is flagged, a line with a
// "// not reported:" comment is not, where a line counts as flagged when a
// finding is placed on it or one of its roots' paths calls through it.
var placementCases = []string{
	"tsetenvparallel",    // 07: t.Setenv in a helper a serial test also calls
	"setenvparalleltest", // 08: a library read from parallel tests
	"putenvserver",       // 12: a write and a read in helpers only a handler calls
	"getenvhelper",       // 18: a read through envOr(name), which main also calls
	"libsetenvlocale",    // 23: a write and a child in another package
	"kubeconfige2e",      // 29: a test harness's write and child
	"sdksettings",        // 33: an SDK constructor's reads, from two handlers
}

// A placement is where the whole program must place a finding: on the
// line of file that contains text.
type placement struct {
	file, text, rule string
}

var casePlacements = []placement{
	// At the call in the test, not at the helper's t.Setenv (case 07).
	{"tsetenvparallel/logsink_test.go", `setUploadToken(t, "example-token") // tsetenv`, analyzer.RuleTestSetenvParallel},
	// At the parallel test's call into the code under test (case 08).
	{"setenvparalleltest/render_test.go", "return Render(tmpl)", analyzer.RuleCredRead},
	// At the handler's call of envOr, which main also calls (case 18).
	{"getenvhelper/main.go", `apiKey := envOr("SENTINEL_UPSTREAM_API_KEY", "")`, analyzer.RuleRequestRead},
	// At the helper's own access when only the handler calls it (case 12).
	{"putenvserver/main.go", "return os.Getenv(name)", analyzer.RuleCredRead},
	// A write at the write, in another package or in the harness.
	{"putenvserver/main.go", "os.Setenv(k, v)", analyzer.RuleEnvWrite},
	{"libsetenvlocale/hostinfo/hostinfo.go", `os.Setenv("LC_ALL", "C")`, analyzer.RuleEnvWrite},
	{"kubeconfige2e/nt.go", `os.Setenv("KUBECONFIG", nt.KubeconfigPath)`, analyzer.RuleEnvWrite},
	// Other findings follow a path from non-test code into another package
	// of the module to the access, and stop where test code calls the code
	// under test.
	{"libsetenvlocale/hostinfo/hostinfo.go", `exec.Command("/sbin/sysctl", "-n", name).Output()`, analyzer.RuleExecInherit},
	{"kubeconfige2e/e2e_test.go", `nt.Kubectl("apply"`, analyzer.RuleExecInherit},
	{"sdksettings/settings/settings.go", `os.Getenv("HELM_KUBETOKEN")`, analyzer.RuleCredRead},
}

// TestCasePlacement checks the whole-program placement of the ported
// cases, and that every root's path still runs to the access.
func TestCasePlacement(t *testing.T) {
	t.Parallel()
	files := map[string]string{}
	for _, c := range placementCases {
		readCase(t, c, files)
	}
	p, _ := analyseModule(t, files, true)
	fs := p.Findings()
	placed, flagged := map[string][]string{}, map[string]bool{}
	for _, f := range fs {
		at := caseLine(f.Posn.Filename, f.Posn.Line)
		placed[at] = append(placed[at], f.Category)
		flagged[at] = true
		for _, w := range f.Witnesses {
			last := w.Frames[len(w.Frames)-1]
			if !strings.HasSuffix(last.Message, " called here") {
				t.Errorf("%s: the path from %s stops before the access, at %v: %s", at, w.Root, last.Posn, last.Message)
			}
			for _, fr := range w.Frames {
				if strings.HasPrefix(fr.Message, "calls ") {
					flagged[caseLine(fr.Posn.Filename, fr.Posn.Line)] = true
				}
			}
		}
	}
	for name, content := range files {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		sc := bufio.NewScanner(strings.NewReader(content))
		for n := 1; sc.Scan(); n++ {
			at := caseLine(name, n)
			switch line := sc.Text(); {
			case strings.Contains(line, "// want ") && !flagged[at]:
				t.Errorf("%s: not flagged: %s", at, strings.TrimSpace(line))
			case strings.Contains(line, "// not reported:") && flagged[at]:
				t.Errorf("%s: flagged: %s", at, strings.TrimSpace(line))
			}
		}
	}
	for _, want := range casePlacements {
		at := caseLine("cases/"+want.file, lineOf(t, files["cases/"+want.file], want.text))
		if !slices.Contains(placed[at], want.rule) {
			t.Errorf("%s: no %s finding placed at %q; findings:\n%s", at, want.rule, want.text, dump(fs))
		}
	}
}

// readCase adds the files of the analyzer's testdata package cases/name
// (and its subpackages) to files, importing each other from example.com/fp.
func readCase(t *testing.T, name string, files map[string]string) {
	t.Helper()
	root := filepath.Join("..", "..", "..", "..", "analyzer", "testdata", "src", "cases")
	err := filepath.WalkDir(filepath.Join(root, name), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		files["cases/"+filepath.ToSlash(rel)] = strings.ReplaceAll(string(b), `"cases/`, `"example.com/fp/cases/`)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// caseLine names a line of a case file by its path from cases/.
func caseLine(file string, line int) string {
	file = filepath.ToSlash(file)
	if i := strings.Index(file, "/cases/"); i >= 0 {
		file = file[i+1:]
	}
	return file + ":" + strconv.Itoa(line)
}

func lineOf(t *testing.T, content, text string) int {
	t.Helper()
	for i, l := range strings.Split(content, "\n") {
		if strings.Contains(l, text) {
			return i + 1
		}
	}
	t.Fatalf("no line contains %q", text)
	return 0
}
