package analyzer_test

import (
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/analyzer"
)

// fixtures are the analyzer's testdata packages, checked against their
// // want comments. Loading is the slow part (every dependency, the standard
// library included, is summarised), so one run covers all of them:
//
//   - cases/...: one package per folder of /work/shared/cases (and of
//     cases-new: libsetenvlocale, kubeconfige2e, sdksettings), with each
//     "// want: kind" annotation turned into a regexp on our message and
//     each "// ok:" into a "// not reported:" comment;
//   - crosspkg/...: roots in one package, environment accesses in an
//     imported one, and root bodies that live in the imported package;
//   - spawnpool/...: learned spawners of another package;
//   - negative/...: shapes that must stay silent, each saying why;
//   - mainjoin/...: joins that do not end main's concurrent region;
//   - testgroups: which tests may run at the same time;
//   - multiroot: one finding reached from two roots;
//   - generated: generated files get no diagnostic;
//   - ignore: //credlint:ignore directives;
//   - witness/app: the fixture of TestWitness;
//   - roots/...: concurrent roots beyond net/http and go statements
//     (routers, RPC services, schedulers, package-level literals, loops in
//     main, testing.TB). Cgo files are in TestCgoFiles.
//   - loaders: run-once bodies, generic interface methods, per-user dirs.
//   - regions/...: concurrent regions started by callees (across packages),
//     in functions main delegates to, in tests and subtests; spawners
//     behind an interface; blocking and background servers; what a
//     starter's goroutines read (its Background) and goroutines started
//     after a write.
//   - ifaceworkers/...: a library's goroutines calling the program's
//     types through an interface stored in a field (ConcurrentCalls).
//   - registry/...: the same workers reaching a provider registered in
//     the init of a package imported only through a blank import
//     (carried dispatches).
//   - tiers/defaults: each tier under the default -rules (TestRulesAll
//     runs tiers/all with every rule on).
//   - lonetest/...: a package's only parallel test runs beside no
//     other test; two parallel tests race.
//   - builtnames/...: names built from known parts race only with
//     writes of names that can match.
//   - names/...: only names data can choose (request data, decoded
//     input, across packages through the helper's parameter) are in the
//     names tier; the program's own names race only with writes known to
//     touch them.
//
// The third-party packages the cases import (aws-sdk-go-v2, openai-go,
// godotenv, errgroup) are stubs under testdata/src/<import path> that
// touch the environment the way the real ones do.
var fixtures = []string{
	"cases/...",
	"crosspkg/...",
	"spawnpool/...",
	"negative/...",
	"mainjoin/...",
	"testgroups",
	"multiroot",
	"generated",
	"ignore",
	"locks",
	"locators/...",
	"testfixtures",
	"witness/app",
	"roots/...",
	"loaders",
	"regions/...",
	"ifaceworkers/...",
	"registry/...",
	"guards/...",
	"tiers/defaults",
	"tiers/race",
	"snapshot/...",
	"lockscross/...",
	"expand",
	"lonetest/...",
	"builtnames/...",
	"names/...",
}

var fixtureRun struct {
	once    sync.Once
	results []*analysistest.Result
}

// runFixtures runs the analyzer over every fixture once per test binary and
// reports mismatches with the // want comments to the first caller.
func runFixtures(t *testing.T) []*analysistest.Result {
	fixtureRun.once.Do(func() {
		fixtureRun.results = analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, fixtures...)
	})
	return fixtureRun.results
}

func TestAnalyzer(t *testing.T) {
	if len(runFixtures(t)) == 0 {
		t.Fatal("no fixture was analysed")
	}
}

func TestValidate(t *testing.T) {
	if err := analysis.Validate([]*analysis.Analyzer{analyzer.Analyzer}); err != nil {
		t.Fatal(err)
	}
}

// TestHelperPassNames checks that every pass credlint requires, directly or
// not, is named with the credlint_ prefix, so it is easy to spot in logs,
// -json output and fact dumps.
func TestHelperPassNames(t *testing.T) {
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		for _, req := range a.Requires {
			if seen[req] {
				continue
			}
			seen[req] = true
			if req.Name != "inspect" && !strings.HasPrefix(req.Name, "credlint_") {
				t.Errorf("helper pass %q lacks the credlint_ prefix", req.Name)
			}
			visit(req)
		}
	}
	visit(analyzer.Analyzer)
}

// TestDocTitle checks the title of Analyzer.Doc: its first paragraph is one
// line, "credlint: <what it reports>", lowercase, without a period, under 60
// characters.
func TestDocTitle(t *testing.T) {
	doc := analyzer.Analyzer.Doc
	title, rest, _ := strings.Cut(doc, "\n")
	if !strings.HasPrefix(title, "credlint: ") {
		t.Errorf("title %q does not start with %q", title, "credlint: ")
	}
	if len(title) >= 60 {
		t.Errorf("title %q is %d characters, want under 60", title, len(title))
	}
	if title != strings.ToLower(title) {
		t.Errorf("title %q is not lowercase", title)
	}
	if strings.HasSuffix(title, ".") {
		t.Errorf("title %q ends with a period", title)
	}
	if rest != "" && !strings.HasPrefix(rest, "\n") {
		t.Errorf("the title paragraph has more than one line: %q", doc)
	}
	if strings.TrimSpace(rest) == "" {
		t.Errorf("Doc has no help text after the title")
	}
}

// TestHelperTitles holds the helper passes to the same title rules:
// "name: what it computes", lowercase, no period, under 60 characters.
func TestHelperTitles(t *testing.T) {
	for _, a := range analyzer.Analyzer.Requires {
		if !strings.HasPrefix(a.Name, "credlint_") {
			continue
		}
		title, _, _ := strings.Cut(a.Doc, "\n")
		if !strings.HasPrefix(title, a.Name+": ") || len(title) >= 60 || title != strings.ToLower(title) || strings.HasSuffix(title, ".") {
			t.Errorf("%s: title %q: want %q, lowercase, no period, under 60 characters", a.Name, title, a.Name+": ...")
		}
	}
}
