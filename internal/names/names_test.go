package names_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/credlint/credlint/internal/names"
)

const src = `package p

import "os/exec"

type T[E any] struct{}

func (*T[E]) M() {}

func F() { exec.Command("true").Run() }
`

func TestFull(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("example.com/p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cmdMethod := pkg.Imports()[0].Scope().Lookup("Cmd").Type().(*types.Named).Method(0)
	for _, fn := range []*types.Func{
		pkg.Scope().Lookup("F").(*types.Func),
		pkg.Scope().Lookup("T").Type().(*types.Named).Method(0),
		cmdMethod,
	} {
		want := fn.FullName()
		for range 2 { // computed, then remembered
			if got := names.Full(fn); got != want {
				t.Errorf("Full(%v) = %q, want %q", fn, got, want)
			}
		}
	}
}
