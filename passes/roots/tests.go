package roots

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/names"
	"github.com/credlint/credlint/internal/typeis"
)

// GroupParallel is the test group of top-level parallel tests and of every
// subtest below one: all of them may run at the same time.
const GroupParallel = "parallel tests"

// isTestFunc reports whether d is func TestXxx(t *testing.T) in a _test.go file.
func isTestFunc(pass *analysis.Pass, d *ast.FuncDecl) bool {
	if d.Recv != nil || !strings.HasPrefix(d.Name.Name, "Test") {
		return false
	}
	if !strings.HasSuffix(pass.Fset.File(d.Pos()).Name(), "_test.go") {
		return false
	}
	fn, _ := pass.TypesInfo.Defs[d.Name].(*types.Func)
	if fn == nil {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Params().Len() == 1 && typeis.PointerTo(sig.Params().At(0).Type(), "testing", "T")
}

// testRoots adds the parallel test d and its parallel subtests:
//
//	func TestX(t *testing.T) {
//		t.Parallel()                 // TestX is a root in GroupParallel
//		t.Run("a", func(t *testing.T) {
//			t.Parallel()             // so is this subtest
//		})
//	}
//
// Parallel subtests of a serial test run only alongside each other, after
// the parent's body has returned; they form the group "subtests of TestX".
func (f *finder) testRoots(d *ast.FuncDecl, fn *types.Func) {
	group := ""
	if f.callsParallel(d.Body) {
		group = GroupParallel
		f.res.add(&Root{Kind: ParallelTest, Func: fn, Pos: d.Name.Pos(), Via: "t.Parallel",
			Name: names.Func(fn, f.pass.Pkg), Group: group})
	}
	f.subtests(d, d.Body, group)
}

// subtests adds the parallel subtests in body. group is the group of the
// nearest parallel ancestor, or "" when there is none: a parallel subtest
// below a parallel subtest of a serial test stays in "subtests of TestX",
// since the whole tree of a serial test ends before top-level parallel
// tests start.
func (f *finder) subtests(d *ast.FuncDecl, body *ast.BlockStmt, group string) {
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !f.isCall(call, "(*testing.T).Run") || len(call.Args) != 2 {
			return true
		}
		lit, ok := ast.Unparen(call.Args[1]).(*ast.FuncLit)
		if !ok {
			return true
		}
		g := group
		if f.callsParallel(lit.Body) {
			root := &Root{Kind: ParallelTest, Lit: lit, Pos: call.Pos(), Via: "t.Run",
				Name: "subtest of " + d.Name.Name, Group: group}
			if group == "" {
				g = "subtests of " + d.Name.Name
				root.Group = g
				root.SerialParent = d
			}
			f.res.add(root)
		}
		f.subtests(d, lit.Body, g)
		return false
	})
}

// markLoneParallelTest marks the package's only parallel test Alone when
// nothing else of the parallel group exists: one top-level test calls
// t.Parallel and no subtest below it does.
//
// go test resumes the top-level parallel tests only after every serial
// test (and its subtests) has returned, and runs each test function once
// per run (-count repeats whole runs one after the other), so a lone
// parallel test runs beside no other test: its os.Setenv races with no
// test, and its reads follow its own writes in program order. What runs
// beside it is what it starts, as in a serial test: its body gets the same
// concurrent regions (addRegions). t.Setenv still panics in it.
//
// Roots started by TestMain or an init function run beside every test, so
// a package with one has no lone test.
//
// Limit: the external test package (package x_test) is linked into the
// same test binary but is another unit under go vet; its parallel tests
// are not in view, so they are not counted.
func markLoneParallelTest(pass *analysis.Pass, rs []*Root) {
	if startsBesideTests(pass, rs) {
		return
	}
	var lone *Root
	for _, r := range rs {
		if r.Group != GroupParallel {
			continue
		}
		if lone != nil || r.Func == nil {
			return // a second parallel test, or a parallel subtest
		}
		lone = r
	}
	if lone != nil {
		lone.Alone = true
	}
}

// startsBesideTests reports whether a root other than a test starts in
// TestMain or an init function, which run before any test and whose
// goroutines may outlive them.
func startsBesideTests(pass *analysis.Pass, rs []*Root) bool {
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || fd.Body == nil || fd.Name.Name != "TestMain" && fd.Name.Name != "init" {
				continue
			}
			for _, r := range rs {
				if r.Kind != ParallelTest && fd.Pos() <= r.Pos && r.Pos < fd.End() {
					return true
				}
			}
		}
	}
	return false
}

// callsParallel reports whether body itself (not a nested literal) calls
// (*testing.T).Parallel, directly or through a helper of the package.
func (f *finder) callsParallel(body *ast.BlockStmt) bool {
	if f.parallelHelpers == nil {
		f.parallelHelpers = parallelHelpers(f.pass)
	}
	return f.bodyCallsParallel(body, f.parallelHelpers)
}

func (f *finder) bodyCallsParallel(body *ast.BlockStmt, helpers map[*types.Func]bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			fn := typeutil.StaticCallee(f.pass.TypesInfo, n)
			found = fn != nil && (names.Full(fn) == "(*testing.T).Parallel" || helpers[fn])
		}
		return !found
	})
	return found
}

// parallelHelpers returns the functions of the package that call
// t.Parallel, directly or through each other:
//
//	func parallel(t *testing.T) { t.Helper(); t.Parallel() }
//
// A test calling one is as parallel as one calling t.Parallel itself.
func parallelHelpers(pass *analysis.Pass) map[*types.Func]bool {
	decls := map[*types.Func]*ast.BlockStmt{}
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					decls[fn] = fd.Body
				}
			}
		}
	}
	helpers := map[*types.Func]bool{}
	f := &finder{pass: pass}
	for grew := true; grew; {
		grew = false
		for fn, body := range decls {
			if !helpers[fn] && f.bodyCallsParallel(body, helpers) {
				helpers[fn], grew = true, true
			}
		}
	}
	return helpers
}

func (f *finder) isCall(call *ast.CallExpr, fullName string) bool {
	fn := typeutil.StaticCallee(f.pass.TypesInfo, call)
	return fn != nil && names.Full(fn) == fullName
}
