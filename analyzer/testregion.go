package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/credlint/credlint/passes/roots"
)

// This file decides what runs beside a concurrent region of a test (issue
// 13, K8): what the test started, not every goroutine of the package.
//
//	func TestLoad(t *testing.T) {
//		config.New()              // a starter: its goroutines read nothing
//		t.Setenv("SUBJECT", "x")  // nothing running reads it: no race,
//	}                             // whatever ReloadCerts' goroutine reads
//
// In main the package's goroutines and handlers are the program's own, so
// a region of main races with all of them. A test runs only what it
// starts: the goroutines of the starters it calls (their Background,
// added by regionGroup), and the roots started in the package's test
// files (its own go statements, a helper's server, TestMain's), except in
// other test functions: go test runs serial tests one at a time. A
// goroutine or handler
// of the non-test code runs beside the test only when a start of the test
// leads to it, which its Background says. A serial test runs beside no
// parallel test either: go test starts those when every serial test has
// finished, and parallel subtests when their parent's body has returned.

// testRegionBase returns the base group of region r, declared in a test
// file: the roots of g (what r's group holds) started in test files, less
// the parallel tests' and those of other test functions when r is in a
// serial test function. writes holds the groups by name, to find the
// non-test group without the parallel tests merged in.
func (c *checker) testRegionBase(r *roots.Root, g *group, writes map[string]*group) *group {
	test := c.testDecl(r.Pos)
	if test != nil && r.Group == "" {
		g = writes[""]
	}
	key := testBaseKey{g, test}
	if b, ok := c.testBases[key]; ok {
		return b
	}
	keep := func(o *roots.Root) bool {
		if o.Kind == roots.MainAfterGo || !inTestFile(c.pass.Fset, o.Pos) {
			return false
		}
		other := c.testDecl(o.Pos)
		return test == nil || other == nil || other == test
	}
	m := &group{byKey: map[string][]int{}}
	if g != nil {
		for _, o := range g.all {
			if keep(o.root) {
				m.all = append(m.all, o)
			}
		}
		for _, w := range g.writes {
			if keep(w.root) {
				m.addWrite(w)
			}
		}
	}
	c.testBases[key] = m
	return m
}

// testBaseKey identifies a test region's base group: the group it is
// built from, and the test function the region is in (or nil).
type testBaseKey struct {
	g    *group
	test *ast.FuncDecl
}

// testDecl returns the test function (func TestXxx(t *testing.T)) that
// holds p, or nil. One with regions is serial, or the package's lone
// parallel test, which runs beside no other test.
func (c *checker) testDecl(p token.Pos) *ast.FuncDecl {
	for _, f := range c.pass.Files {
		if f.Pos() > p || p >= f.End() {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if ok && fd.Pos() <= p && p < fd.End() && isTestDecl(c.pass.TypesInfo, fd) {
				return fd
			}
		}
	}
	return nil
}

// isTestDecl reports whether fd is func TestXxx(t *testing.T).
func isTestDecl(info *types.Info, fd *ast.FuncDecl) bool {
	if fd.Recv != nil || !strings.HasPrefix(fd.Name.Name, "Test") || fd.Name.Name == "TestMain" {
		return false
	}
	fn, ok := info.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	params := fn.Signature().Params()
	if params.Len() != 1 {
		return false
	}
	p, ok := params.At(0).Type().(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := p.Elem().(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "testing" && n.Obj().Name() == "T"
}
