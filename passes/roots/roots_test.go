package roots_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/passes/roots"
)

// TestSpawnerFacts checks the Spawner facts of learned spawners: directly
// (go f()), through another spawner (local, known or imported), and inside a
// goroutine body (go func() { f() }()). Functions that call a parameter
// synchronously, defer it or store it get no fact.
func TestSpawnerFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), roots.Analyzer, "spawners", "spawnuser", "handoff", "starters", "startuser")
}

// TestConcurrentCallsFact checks the ConcurrentCalls package fact: the
// interface methods the package's goroutines call through its own
// functions, less the standard library's interfaces, and those of the
// imports the package hides from its importers (hiddenpool).
func TestConcurrentCallsFact(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), roots.Analyzer, "ifacecalls", "hiddenpool/...")
}

// mainRoots are the roots of rootsdemo/main.go, in source order, rendered by
// describe.
var mainRoots = []string{
	"handler func (*server).ServeHTTP via ServeHTTP method at main.go:17",
	"handler lit func literal in wrap via handler literal at main.go:27",
	"handler func index via handler registration at main.go:43",
	"handler func about via http.HandlerFunc at main.go:44",
	"handler func (*server).status via handler registration at main.go:45", // a method value
	// The region of main from the first go statement to wg.Wait, placed
	// at the go statement's call, after the goroutine's own root.
	"goroutine lit func literal in main via go statement at main.go:49",
	"main block main via go statement at main.go:49, statements main.go:50-59",
	"goroutine func worker via go statement at main.go:50",
	"spawned lit func literal in main via errgroup.Group.Go at main.go:52",
	"spawned func job via errgroup.Group.Go at main.go:53",
	"spawned func worker via sync.WaitGroup.Go at main.go:55",
	"spawned lit func literal in main via time.AfterFunc at main.go:56",
	"spawned lit func literal in main via submit at main.go:57", // learned in this package
	"spawned func worker via spawners.Submit at main.go:58",     // learned from a fact
}

// testRoots are the roots of rootsdemo/main_test.go. Parallel subtests of a
// serial test form their own group, down to grandchildren: the tree of a
// serial test ends before top-level parallel tests start.
var testRoots = []string{
	"parallel func TestParallel via t.Parallel at main_test.go:5 group \"parallel tests\"",
	"parallel lit subtest of TestParallel via t.Run at main_test.go:7 group \"parallel tests\"",
	"parallel lit subtest of TestSerial via t.Run at main_test.go:13 group \"subtests of TestSerial\" parent TestSerial",
	"parallel lit subtest of TestSerial via t.Run at main_test.go:15 group \"subtests of TestSerial\"",
}

func TestRoots(t *testing.T) {
	want := map[string][]string{
		"rootsdemo":                  mainRoots,
		"rootsdemo [rootsdemo.test]": append(append([]string(nil), mainRoots...), testRoots...),
		"rootsdemo.test":             nil, // the generated test main
	}
	for _, res := range analysistest.Run(t, analysistest.TestData(), roots.Analyzer, "rootsdemo") {
		id := res.Action.Package.ID
		w, ok := want[id]
		if !ok {
			t.Errorf("unexpected package %s", id)
			continue
		}
		delete(want, id)
		// Roots are in source order within a file; the order of files
		// depends on the loader, so list main.go's roots first.
		var got, inTests []string
		for _, r := range res.Result.(*roots.Result).Roots {
			d := describe(res, r)
			if strings.Contains(d, " at main_test.go:") {
				inTests = append(inTests, d)
			} else {
				got = append(got, d)
			}
		}
		got = append(got, inTests...)
		if strings.Join(got, "\n") != strings.Join(w, "\n") {
			t.Errorf("%s: roots\n got:\n\t%s\nwant:\n\t%s", id, strings.Join(got, "\n\t"), strings.Join(w, "\n\t"))
		}
	}
	for id := range want {
		t.Errorf("package %s was not analysed", id)
	}
}

var kindNames = map[roots.Kind]string{
	roots.HTTPHandler:  "handler",
	roots.Goroutine:    "goroutine",
	roots.Spawned:      "spawned",
	roots.ParallelTest: "parallel",
	roots.MainAfterGo:  "main",
	roots.RPCMethod:    "rpc",
	roots.Scheduled:    "scheduled",
}

// describe renders a root as "kind body name via how at file:line", with
// the statements of a block root, the test group and the serial parent.
func describe(res *analysistest.Result, r *roots.Root) string {
	fset := res.Action.Package.Fset
	body := "?"
	switch {
	case r.Func != nil && r.Lit == nil && r.Block == nil:
		body = "func"
	case r.Lit != nil && r.Func == nil && r.Block == nil:
		body = "lit"
	case r.Block != nil && r.Func == nil && r.Lit == nil:
		body = "block"
	}
	p := fset.Position(r.Pos)
	kind := kindNames[r.Kind]
	if r.Framework != "" {
		kind = r.Framework + " " + kind
	}
	s := fmt.Sprintf("%s %s %s via %s at %s:%d", kind, body, r.Name, r.Via, filepath.Base(p.Filename), p.Line)
	if r.Block != nil {
		first := fset.Position(r.Block.List[0].Pos())
		last := fset.Position(r.Block.List[len(r.Block.List)-1].Pos())
		s += fmt.Sprintf(", statements %s:%d-%d", filepath.Base(first.Filename), first.Line, last.Line)
	}
	if r.Group != "" {
		s += fmt.Sprintf(" group %q", r.Group)
	}
	if r.SerialParent != nil {
		s += " parent " + r.SerialParent.Name.Name
	}
	return s
}
