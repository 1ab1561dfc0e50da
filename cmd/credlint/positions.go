package main

import (
	"crypto/sha256"
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/passes/envaccess"
)

// positionsAnalyzer runs beside credlint's analyzer in the units of the go
// vet engine (-parts) and keeps go vet's cache honest about them.
//
// A unit resolves the witness hops in other packages by reading their
// files: a call's column and end on the line a fact names, the function
// around an access, whether a file is generated. go vet keys a unit's
// cached output on its dependencies' facts, which name files and lines but
// no columns, so an edit that moves a call within its line would replay a
// stale column. This analyzer exports, for every package whose files can
// change (not the standard library's, not a versioned module's), a digest
// of exactly what the units read there, chained with the digests of its
// imports: when it changes, so do the package's facts, and go vet runs the
// units that depend on it again. Edits elsewhere in the file (comments,
// code on other lines) leave it alone.
var positionsAnalyzer = &analysis.Analyzer{
	Name:       "credlint_positions",
	Doc:        "digest of the positions that standalone credlint's units read in a package (internal)",
	Requires:   []*analysis.Analyzer{envaccess.Analyzer},
	FactTypes:  []analysis.Fact{new(positionsDigest)},
	ResultType: reflect.TypeFor[*positionsDigest](),
	Run:        runPositions,
}

// positionsDigest is the package fact: a SHA-256.
type positionsDigest struct{ Sum [32]byte }

func (*positionsDigest) AFact()           {}
func (d *positionsDigest) String() string { return fmt.Sprintf("positions %x", d.Sum[:8]) }

func runPositions(pass *analysis.Pass) (any, error) {
	h := sha256.New()
	chained := false
	imports := slices.Clone(pass.Pkg.Imports())
	slices.SortFunc(imports, func(a, b *types.Package) int { return strings.Compare(a.Path(), b.Path()) })
	for _, imp := range imports {
		var d positionsDigest
		if pass.ImportPackageFact(imp, &d) {
			fmt.Fprintf(h, "import %s %x\n", imp.Path(), d.Sum)
			chained = true
		}
	}
	if !immutable(pass) {
		writePositions(h, pass)
	} else if !chained {
		return (*positionsDigest)(nil), nil
	}
	d := &positionsDigest{}
	copy(d.Sum[:], h.Sum(nil))
	pass.ExportPackageFact(d)
	return d, nil
}

// immutable reports whether the package's files cannot change under the
// same build: the standard library's, and a versioned module's in the
// module cache.
func immutable(pass *analysis.Pass) bool {
	if len(pass.Files) > 0 {
		name := pass.Fset.Position(pass.Files[0].Pos()).Filename
		if root := build.Default.GOROOT; root != "" && strings.HasPrefix(name, filepath.Join(root, "src")+string(filepath.Separator)) {
			return true
		}
	}
	m := pass.Module
	return m != nil && m.Version != "" && (m.Replace == nil || m.Replace.Version != "")
}

// writePositions writes what a unit may read in this package's files: on
// each line where a hop of a declared function's exported accesses
// (Result.FactAccesses: what other units know) calls, every
// call (its column, end and callee's text), the function declared around
// it, and whether the file is generated.
func writePositions(h interface{ Write([]byte) (int, error) }, pass *analysis.Pass) {
	env, _ := pass.ResultOf[envaccess.Analyzer].(*envaccess.Result)
	if env == nil {
		return
	}
	type fileLine struct {
		file *token.File
		line int
	}
	lines := map[fileLine]bool{}
	for _, obj := range pass.TypesInfo.Defs {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() != pass.Pkg {
			continue
		}
		for _, a := range env.FactAccesses(fn) {
			for _, hop := range a.Path {
				if pos := hop.Pos(); pos.IsValid() {
					tf := pass.Fset.File(pos)
					lines[fileLine{tf, tf.Line(pos)}] = true
				}
			}
		}
	}
	if len(lines) == 0 {
		return
	}
	var out []string
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		gen := analyzer.IsGenerated(pass.Fset, f)
		var decl *ast.FuncDecl
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				decl = n
			case *ast.CallExpr:
				if !lines[fileLine{tf, tf.Line(n.Pos())}] {
					break
				}
				p, e := pass.Fset.Position(n.Pos()), pass.Fset.Position(n.End())
				name := ""
				if decl != nil {
					name = decl.Name.Name
					if decl.Recv != nil && len(decl.Recv.List) > 0 {
						name = types.ExprString(decl.Recv.List[0].Type) + "." + name
					}
				}
				out = append(out, fmt.Sprintf("%s:%d:%d-%d:%d %s in %s gen=%v",
					filepath.Base(p.Filename), p.Line, p.Column, e.Line, e.Column, types.ExprString(n.Fun), name, gen))
			}
			return true
		})
	}
	slices.Sort(out)
	for _, s := range out {
		fmt.Fprintln(h, s)
	}
}
