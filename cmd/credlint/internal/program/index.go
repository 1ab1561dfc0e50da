package program

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// An index finds the code behind the "import/path/file.go:line" strings of
// witness paths. It knows every file of the program by name and by
// "import/path/file.go": in standalone mode every package is loaded with
// syntax and types (the standard library's and the module cache's
// included); in a unit run under go vet only the unit's own package is,
// and the other files are parsed on first use, without types, from the
// table the driver wrote (see Table).
type index struct {
	fset  *token.FileSet
	files map[string]*fileInfo // by absolute file name
	byAt  map[string]*fileInfo // by "import/path/file.go"
}

type fileInfo struct {
	name    string
	pkgID   string // the ID of the package that holds the file, e.g. "p" or "p [p.test]"
	pkgPath string
	origin  output.Origin
	// syntax and info are the file's syntax tree and its package's type
	// information; info is nil for a file parsed without types, and syntax
	// is nil until such a file is first used (see parsed).
	syntax *ast.File
	info   *types.Info
	tried  bool // parsing was attempted
	// Built on first use:
	generated bool // "// Code generated ... DO NOT EDIT."
	tf        *token.File
	calls     map[int][]*ast.CallExpr // by line of the call's start
	imports   map[string]bool         // the names the file refers to its imports by
	// ends maps the offset of a node's start to the offset of its end, for
	// the outermost node starting there. Offsets, not positions: a test
	// variant parses the same file again, at other positions.
	ends map[int]int
}

// newIndex indexes packages loaded with syntax and types, and their
// dependencies.
func newIndex(pkgs []*packages.Package) *index {
	ix := &index{files: map[string]*fileInfo{}, byAt: map[string]*fileInfo{}}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if ix.fset == nil {
			ix.fset = p.Fset
		}
		for _, f := range p.Syntax {
			name := p.Fset.Position(f.Pos()).Filename
			if _, dup := ix.files[name]; dup && p.ForTest != "" {
				continue // keep the plain package's copy when a test variant repeats it
			}
			fi := &fileInfo{name: name, pkgID: p.ID, pkgPath: p.PkgPath, origin: packageOrigin(p)}
			fi.setSyntax(p.Fset, f, p.TypesInfo)
			ix.add(fi)
		}
	})
	return ix
}

// packageOrigin says whose code p is: a main module's (the workspace's
// modules are all main modules; files named on the command line belong to
// no module, and count as the user's too), the standard library's, or
// another module's (a vendored copy included).
func packageOrigin(p *packages.Package) output.Origin {
	return Origin(p.Module != nil, p.Module != nil && p.Module.Main, p.GoFiles)
}

// Origin says whose code a package is from its module (whether it has
// one, and whether that is a main module) and its files. Both engines
// classify packages with it: go list's Standard field is false for the
// external tests of a standard package (os_test), whose files are the
// standard library's all the same.
func Origin(inModule, mainModule bool, files []string) output.Origin {
	switch {
	case !inModule && inGOROOT(files):
		return output.OriginStdlib
	case !inModule || mainModule:
		return output.OriginUser
	}
	return output.OriginThirdParty
}

// inGOROOT reports whether the first of files is in the standard library's
// source tree.
func inGOROOT(files []string) bool {
	root := build.Default.GOROOT
	return len(files) > 0 && root != "" && strings.HasPrefix(files[0], filepath.Join(root, "src")+string(filepath.Separator))
}

func (ix *index) add(fi *fileInfo) {
	ix.files[fi.name] = fi
	ix.byAt[fi.pkgPath+"/"+filepath.Base(fi.name)] = fi
}

func (fi *fileInfo) setSyntax(fset *token.FileSet, f *ast.File, info *types.Info) {
	fi.syntax, fi.info, fi.tried = f, info, true
	fi.tf = fset.File(f.Pos())
	fi.generated = analyzer.IsGenerated(fset, f)
}

// parsed reports whether fi has a syntax tree, parsing the file (without
// types) on first use. A file that no longer parses is treated as unknown.
func (ix *index) parsed(fi *fileInfo) bool {
	if !fi.tried {
		fi.tried = true
		if f, err := parser.ParseFile(ix.fset, fi.name, nil, parser.ParseComments|parser.SkipObjectResolution); err == nil {
			fi.setSyntax(ix.fset, f, nil)
		}
	}
	return fi.syntax != nil
}

// file returns the file named name, parsed, or nil.
func (ix *index) file(name string) *fileInfo {
	if fi := ix.files[name]; fi != nil && ix.parsed(fi) {
		return fi
	}
	return nil
}

// fileAt returns the file of an "import/path/file.go", parsed, or nil.
func (ix *index) fileAt(file string) *fileInfo {
	if fi := ix.byAt[file]; fi != nil && ix.parsed(fi) {
		return fi
	}
	return nil
}
