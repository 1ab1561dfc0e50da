package envaccess_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/passes/envaccess"
)

// factPackages is the whole envaccess testdata corpus.
var factPackages = []string{"basic", "keys", "dynamic", "crosspkg/app", "crosspkg/lib", "recursion", "once", "execcmd"}

// factBudget caps the gob bytes of every fact of factPackages, encoded the
// way drivers store them: one encoder per package, so each type is described
// once, facts in a stable order. Measured at 6446 bytes for 44 facts (Go
// 1.26, x/tools v0.52.0), then at 7057 bytes for 56 once the corpus grew
// (fallback guards, converted types, session 12); the budget leaves about
// 10% headroom. Raise it only for facts that earn their bytes. At 7802
// bytes for 60 facts (session 14), then 7891 with the origin of computed
// names (session 15: the Origin field in the type description of every
// package's Background fact; a Summary packs it into From).
const factBudget = 8600

// exportedFact is one fact of the corpus with its gob encoding.
type exportedFact struct {
	key  string // "pkg" for a package fact, "pkg object" for an object fact
	fact analysis.Fact
	gob  []byte // encoded alone, by a fresh encoder
}

// collectFacts runs the pass over the corpus and returns every fact the
// analysed packages export, sorted by key, and the per-package encodings.
func collectFacts(t *testing.T) ([]exportedFact, map[string][]byte) {
	t.Helper()
	var facts []exportedFact
	for _, res := range analysistest.Run(t, analysistest.TestData(), envaccess.Analyzer, factPackages...) {
		pkg := res.Action.Package.Types.Path()
		for obj, fs := range res.Facts {
			for _, f := range fs {
				key := pkg
				if obj != nil {
					key += " " + obj.String()
				}
				facts = append(facts, exportedFact{key: key + fmt.Sprintf(" %T", f), fact: f, gob: encode(t, f)})
			}
		}
	}
	sort.Slice(facts, func(i, j int) bool { return facts[i].key < facts[j].key })
	perPkg := map[string]*bytes.Buffer{}
	encs := map[string]*gob.Encoder{}
	for _, f := range facts {
		pkg, _, _ := strings.Cut(f.key, " ")
		if encs[pkg] == nil {
			perPkg[pkg] = new(bytes.Buffer)
			encs[pkg] = gob.NewEncoder(perPkg[pkg])
		}
		if err := encs[pkg].Encode(f.fact); err != nil {
			t.Fatalf("encoding %s: %v", f.key, err)
		}
	}
	out := map[string][]byte{}
	for pkg, b := range perPkg {
		out[pkg] = b.Bytes()
	}
	return facts, out
}

// corpus caches one run of collectFacts for the tests that only read it.
var corpus struct {
	once   sync.Once
	facts  []exportedFact
	perPkg map[string][]byte
}

func corpusFacts(t *testing.T) ([]exportedFact, map[string][]byte) {
	corpus.once.Do(func() { corpus.facts, corpus.perPkg = collectFacts(t) })
	return corpus.facts, corpus.perPkg
}

func encode(t *testing.T, f analysis.Fact) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(f); err != nil {
		t.Fatalf("encoding %v: %v", f, err)
	}
	return b.Bytes()
}

// decode decodes a fact of f's type from b.
func decode(t *testing.T, f analysis.Fact, b []byte) analysis.Fact {
	t.Helper()
	out := reflect.New(reflect.TypeOf(f).Elem()).Interface().(analysis.Fact)
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(out); err != nil {
		t.Fatalf("decoding %v: %v", f, err)
	}
	return out
}

// TestSummaryGobRoundTrip encodes a hand-built Summary that sets every
// field, and every fact of the corpus, and checks that decoding gives the
// same value.
func TestSummaryGobRoundTrip(t *testing.T) {
	in := &envaccess.Summary{Accesses: []envaccess.Access{
		{
			Kind: envaccess.Read, Op: "os.Getenv", From: envaccess.KeyConst, Key: "API_TOKEN",
			Path: []envaccess.Hop{
				{Callee: "lib.read", At: "example.com/lib/lib.go:7"},
				{Callee: "os.Getenv", At: "example.com/lib/lib.go:10"},
			},
		},
		{
			Kind: envaccess.Write, Op: "os.Setenv", From: envaccess.KeyParam, Param: 1, Elided: 3,
			Path: []envaccess.Hop{{Callee: "os.Setenv", At: "example.com/lib/lib.go:12", Dynamic: true}},
		},
		{
			Kind: envaccess.Read, Op: "os.Getenv", From: envaccess.KeyPrefix, Key: "APP_",
			Origin: envaccess.OriginTracked | envaccess.OriginData | envaccess.OriginOpaque | envaccess.OriginParams, Param: 1<<3 | 1<<40,
			Path: []envaccess.Hop{{Callee: "os.Getenv", At: "example.com/lib/lib.go:14"}},
		},
		{
			Kind: envaccess.Inherit, Op: "(*exec.Cmd).Run", From: envaccess.KeyAll,
			Path: []envaccess.Hop{{Callee: "(*exec.Cmd).Run", At: "example.com/lib/run.go:3"}},
		},
	}}
	out := decode(t, in, encode(t, in)).(*envaccess.Summary)
	if !reflect.DeepEqual(in, out) {
		t.Errorf("round trip changed the summary:\n got %#v\nwant %#v", out, in)
	}
	if in.String() != out.String() {
		t.Errorf("round trip changed String: got %q, want %q", out.String(), in.String())
	}

	facts, _ := corpusFacts(t)
	if len(facts) == 0 {
		t.Fatal("the corpus exported no facts")
	}
	for _, f := range facts {
		out := decode(t, f.fact, f.gob)
		if !reflect.DeepEqual(f.fact, out) {
			t.Errorf("%s: round trip changed the fact:\n got %#v\nwant %#v", f.key, out, f.fact)
		}
	}
}

// TestFactEncodingIsStable runs the pass twice over the corpus and checks
// that every fact encodes to the same bytes: facts hold no positions or
// maps, and their slices are sorted.
func TestFactEncodingIsStable(t *testing.T) {
	first, firstPkgs := corpusFacts(t)
	second, secondPkgs := collectFacts(t)
	if len(first) != len(second) {
		t.Fatalf("first run exported %d facts, second %d", len(first), len(second))
	}
	for i := range first {
		a, b := first[i], second[i]
		if a.key != b.key {
			t.Errorf("fact %d: %s in the first run, %s in the second", i, a.key, b.key)
			continue
		}
		if !bytes.Equal(a.gob, b.gob) {
			t.Errorf("%s: encoding differs between runs:\n%v\n%v", a.key, a.fact, b.fact)
		}
	}
	for pkg, b := range firstPkgs {
		if !bytes.Equal(b, secondPkgs[pkg]) {
			t.Errorf("%s: package encoding differs between runs", pkg)
		}
	}
}

// TestFactSizeBudget keeps the facts of the corpus small: every importer
// loads them, for every dependency.
func TestFactSizeBudget(t *testing.T) {
	facts, perPkg := corpusFacts(t)
	total := 0
	for _, b := range perPkg {
		total += len(b)
	}
	t.Logf("the %d facts of the corpus take %d gob bytes (budget %d)", len(facts), total, factBudget)
	if total > factBudget {
		t.Errorf("the %d facts of the corpus take %d gob bytes, over the budget of %d", len(facts), total, factBudget)
		for _, f := range facts {
			t.Logf("%5d %s: %v", len(f.gob), f.key, f.fact)
		}
	}
}
