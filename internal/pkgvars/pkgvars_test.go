package pkgvars

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"testing"
)

func TestInitializers(t *testing.T) {
	const src = `package p
var a = "x"
var b, c = 1, 2
var d, e = f()
var g int
func f() (int, int) { return 0, 0 }
func h() { var local = 3; _ = local }
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	var got []string
	for v := range Initializers(info, []*ast.File{file}) {
		got = append(got, v.Name())
	}
	sort.Strings(got)
	if want := "[a b c]"; fmtList(got) != want {
		t.Errorf("Initializers = %s, want %s (not d, e: one call for two; not g: no value; not local)", fmtList(got), want)
	}
}

func fmtList(s []string) string {
	out := "["
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out + "]"
}
