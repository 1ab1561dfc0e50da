package analyzer_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestWitness checks the related information of each finding, which
// analysistest ignores: one entry per hop, root first, each rendered as
// "message [file:line]" and joined with " -> ". Hops inside another package
// point at the declaration of the function the path enters it through
// (lib.go:7 is lib.Token) and name their own file:line in the message.
func TestWitness(t *testing.T) {
	want := map[string]string{
		// ServeHTTP ─► loadConfig ─► applyProfile ─► os.Setenv: both helpers
		// only run in the handler, so the finding is at the access.
		"app.go:29": "HTTP handler (*server).ServeHTTP [app.go:20] -> calls loadConfig [app.go:21] -> calls applyProfile [app.go:26] -> os.Setenv called here [app.go:29]",
		// The access is in the root itself.
		"app.go:23": "HTTP handler (*server).ServeHTTP [app.go:20] -> os.Unsetenv called here [app.go:23]",
		// The path leaves the package at lib.Token.
		"app.go:22": "HTTP handler (*server).ServeHTTP [app.go:20] -> calls lib.Token [app.go:22] -> calls lib.read at witness/lib/lib.go:7 [lib.go:7] -> os.Getenv called here at witness/lib/lib.go:10 [lib.go:7]",
		// Longer than envaccess.MaxHops: the first nine calls and the access,
		// reported at the last call on the path (d8 calls d9); the hops
		// dropped are marked (issue 16).
		"app.go:50": "goroutine started here by sync.WaitGroup.Go [app.go:37] -> calls d1 [app.go:38] -> calls d2 [app.go:43] -> calls d3 [app.go:44] -> calls d4 [app.go:45] -> calls d5 [app.go:46] -> calls d6 [app.go:47] -> calls d7 [app.go:48] -> calls d8 [app.go:49] -> calls d9 [app.go:50] -> ... 2 calls elided ... [app.go:50] -> os.Clearenv called here [app.go:54]",
		// The root's body is in lib: reported at the go statement, with the
		// access anchored at lib.Reset's declaration.
		"app.go:60": "goroutine started here [app.go:60] -> os.Unsetenv called here at witness/lib/lib.go:15 [lib.go:14]",
		// Three paths reach one os.Setenv: the shortest without a dynamic
		// call wins, though it comes last in source order.
		"app.go:68":      "goroutine started here [app.go:85] -> calls viaStatic [app.go:88] -> calls (impl).set [app.go:73] -> os.Setenv called here [app.go:68]",
		"app_test.go:12": "parallel test TestParallelLookup [app_test.go:10] -> os.Setenv called here [app_test.go:12]",
		// A serial test whose parallel subtests run after it returns.
		"app_test.go:20": "serial test TestSerialParent [app_test.go:19] -> os.Setenv called here [app_test.go:20]",
		// A parallel subtest, whose path leaves the package.
		"app_test.go:15": "parallel subtest started here [app_test.go:13] -> calls lib.Token [app_test.go:15] -> calls lib.read at witness/lib/lib.go:7 [lib.go:7] -> os.Getenv called here at witness/lib/lib.go:10 [lib.go:7]",
	}
	got := map[string]string{}
	for _, res := range runFixtures(t) {
		if !strings.HasPrefix(res.Action.Package.PkgPath, "witness/") {
			continue
		}
		fset := res.Action.Package.Fset
		for _, d := range res.Diagnostics {
			p := fset.Position(d.Pos)
			hops := make([]string, len(d.Related))
			for i, rel := range d.Related {
				rp := fset.Position(rel.Pos)
				hops[i] = fmt.Sprintf("%s [%s:%d]", rel.Message, filepath.Base(rp.Filename), rp.Line)
			}
			key := fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
			path := strings.Join(hops, " -> ")
			// The package and its test variant both report the findings of
			// non-test files; they must agree.
			if old, dup := got[key]; dup && old != path {
				t.Errorf("%s: witness differs between variants:\n  %s\n  %s", key, old, path)
			}
			got[key] = path
		}
	}
	for key, w := range want {
		if g, ok := got[key]; !ok {
			t.Errorf("%s: no finding, want witness %s", key, w)
		} else if g != w {
			t.Errorf("%s: witness\n got: %s\nwant: %s", key, g, w)
		}
	}
	for key, g := range got {
		if _, ok := want[key]; !ok {
			t.Errorf("%s: unexpected finding with witness %s", key, g)
		}
	}
}

// TestRegionWitness checks the first hop of findings in concurrent
// regions: it is at the call that started the goroutine and names it.
func TestRegionWitness(t *testing.T) {
	want := map[string]string{
		"regions/startmain main.go:17":                 "main calls (*startlib.Server).Start, which starts a goroutine; what follows runs alongside it [main.go:16]",
		"regions/startmain main.go:25":                 "main calls (*startlib.Controller).Run, which starts a goroutine; what follows runs alongside it [main.go:24]",
		"regions/testregion testregion_test.go:20":     "TestGoStatement starts a goroutine here; what follows runs alongside it [testregion_test.go:15]",
		"regions/testregion testregion_test.go:33":     "subtest of TestSubtest calls Watch, which starts a goroutine; what follows runs alongside it [testregion_test.go:32]",
		"cases/tsetenvafterstart provision_test.go:23": "TestDeployLocalRepoRacy calls Deploy, which starts a goroutine; what follows runs alongside it [provision_test.go:22]",
	}
	got := map[string]string{}
	for _, res := range runFixtures(t) {
		fset := res.Action.Package.Fset
		for _, d := range res.Diagnostics {
			if len(d.Related) == 0 {
				continue
			}
			p, rp := fset.Position(d.Pos), fset.Position(d.Related[0].Pos)
			key := fmt.Sprintf("%s %s:%d", res.Action.Package.PkgPath, filepath.Base(p.Filename), p.Line)
			got[key] = fmt.Sprintf("%s [%s:%d]", d.Related[0].Message, filepath.Base(rp.Filename), rp.Line)
		}
	}
	for key, w := range want {
		if g := got[key]; g != w {
			t.Errorf("%s: first hop\n got: %s\nwant: %s", key, g, w)
		}
	}
}
