package envaccess_test

import (
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/passes/envaccess"
)

// quiet is an analysistest.Testing that keeps the expectation errors to
// itself: the comparison below looks at results, not at // want lines.
type quiet struct{ errs []string }

func (q *quiet) Errorf(format string, args ...any) {
	q.errs = append(q.errs, fmt.Sprintf(format, args...))
}

// TestSharedSummaryMatchesFixedPoint runs the pass over the whole corpus
// twice, once sharing every cycle's summary (from two functions on) and
// once never, and requires every function's accesses to be the same but
// for which of two equally good witnesses is shown: the same sites, kinds,
// keys, locks, guards, witness lengths and dynamic hops.
func TestSharedSummaryMatchesFixedPoint(t *testing.T) {
	pkgs := append(slices.Clone(factPackages), "cycles", "guards/app", "locks/app", "dispatch/app", "varfuncs/app")
	run := func(min int) map[string][]string {
		defer envaccess.SetSharedMin(min)()
		out := map[string][]string{}
		for _, r := range analysistest.Run(&quiet{}, analysistest.TestData(), envaccess.Analyzer, pkgs...) {
			res, _ := r.Result.(*envaccess.Result)
			if res == nil {
				continue
			}
			for _, obj := range r.Pass.TypesInfo.Defs {
				fn, ok := obj.(*types.Func)
				if !ok {
					continue
				}
				var lines []string
				for _, a := range res.FuncAccesses(fn) {
					lines = append(lines, shape(a))
				}
				out[r.Pass.Pkg.Path()+"."+fn.FullName()] = lines
			}
		}
		return out
	}
	plain, shared := run(1<<30), run(2)
	if len(plain) == 0 {
		t.Fatal("no function analysed")
	}
	for fn, want := range plain {
		if got := shared[fn]; !slices.Equal(got, want) {
			t.Errorf("%s:\nshared:     %q\nfixed point: %q", fn, got, want)
		}
	}
}

// shape is what sharing must keep of an access: all but the choice between
// witnesses of one length.
func shape(a envaccess.Access) string {
	dyn := 0
	for _, h := range a.Path {
		if h.Dynamic {
			dyn++
		}
	}
	last := a.Path[len(a.Path)-1]
	return fmt.Sprintf("%s %s at %s, %d hops (%d elided, %d dynamic)", a.String(), a.Op, last.At, len(a.Path)+a.Elided, a.Elided, dyn)
}

// TestBigCycleFacts analyses a cycle of 40 functions, each reading its own
// key, entered through one exported function: the entry's fact holds all
// 40 reads, and no member exports a fact of its own (no other package can
// call them), so that facts grow with the cycle, not with its square.
func TestBigCycleFacts(t *testing.T) {
	const n = 40
	dir := t.TempDir()
	var src strings.Builder
	var reads []string
	for i := range n {
		reads = append(reads, fmt.Sprintf("envRead(BIG_%d_TOKEN)", i))
	}
	slices.Sort(reads)
	fmt.Fprintf(&src, "package cycle // want package:\"touchesEnv\"\n\nimport \"os\"\n\n")
	want := "^" + strings.NewReplacer("(", `\(`, ")", `\)`).Replace(strings.Join(reads, " ")) + "$"
	fmt.Fprintf(&src, "func Entry() string { return f0(3) } // want Entry:%q\n", want)
	for i := range n {
		// f0, called from outside the cycle, is materialised: it has a fact.
		comment := ""
		if i == 0 {
			comment = fmt.Sprintf(" // want f0:%q", want)
		}
		fmt.Fprintf(&src, "\nfunc f%d(d int) string {%s\n\tif d == 0 {\n\t\treturn \"\"\n\t}\n\treturn os.Getenv(\"BIG_%d_TOKEN\") + f%d(d-1)\n}\n", i, comment, i, (i+1)%n)
	}
	if err := os.MkdirAll(filepath.Join(dir, "src", "cycle"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "src", "cycle", "cycle.go"), []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	res := analysistest.Run(t, dir, envaccess.Analyzer, "cycle")
	// The members' summaries are still complete when asked for.
	for _, r := range res {
		env := r.Result.(*envaccess.Result)
		f7, _ := r.Pass.Pkg.Scope().Lookup("f7").(*types.Func)
		if got := len(env.FuncAccesses(f7)); got != n {
			t.Errorf("f7 has %d accesses, want %d", got, n)
		}
		if got := env.FactAccesses(f7); got != nil {
			t.Errorf("f7 exports %d accesses, want none", len(got))
		}
	}
}
