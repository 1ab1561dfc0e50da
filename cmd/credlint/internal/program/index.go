package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/cmd/credlint/internal/output"
	"github.com/credlint/credlint/internal/names"
)

// An index finds the code behind the "import/path/file.go:line" strings of
// witness paths, in the packages the driver loaded: every dependency's
// syntax is loaded in standalone mode, the standard library's and the
// module cache's included.
type index struct {
	fset      *token.FileSet
	moduleDir string               // root of the main module, or ""
	files     map[string]*fileInfo // by absolute file name
	byAt      map[string]*fileInfo // by "import/path/file.go"
}

type fileInfo struct {
	name      string
	pkg       *packages.Package
	syntax    *ast.File
	generated bool // "// Code generated ... DO NOT EDIT."
	// Built on first use:
	tf    *token.File
	calls map[int][]*ast.CallExpr // by line of the call's start
	// ends maps the offset of a node's start to the offset of its end, for
	// the outermost node starting there. Offsets, not positions: a test
	// variant parses the same file again, at other positions.
	ends map[int]int
}

func newIndex(pkgs []*packages.Package) *index {
	ix := &index{files: map[string]*fileInfo{}, byAt: map[string]*fileInfo{}}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if ix.fset == nil {
			ix.fset = p.Fset
		}
		if ix.moduleDir == "" && p.Module != nil && p.Module.Main {
			ix.moduleDir = p.Module.Dir
		}
		for _, f := range p.Syntax {
			name := p.Fset.Position(f.Pos()).Filename
			if _, dup := ix.files[name]; dup && p.ForTest != "" {
				continue // keep the plain package's copy when a test variant repeats it
			}
			fi := &fileInfo{name: name, pkg: p, syntax: f, tf: p.Fset.File(f.Pos()), generated: analyzer.IsGenerated(p.Fset, f)}
			ix.files[name] = fi
			ix.byAt[p.PkgPath+"/"+filepath.Base(name)] = fi
		}
	})
	return ix
}

// splitAt parses "import/path/file.go:line".
func splitAt(at string) (file string, line int, ok bool) {
	i := strings.LastIndex(at, ":")
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(at[i+1:])
	return at[:i], n, err == nil && n > 0
}

// resolve finds the call of callee (a display name such as
// "providers.lookup" or "(*exec.Cmd).Run") at an "import/path/file.go:line"
// position. It returns the call's range, or the line alone (Column 0) when
// no call on that line matches, and ok=false when the file is unknown.
func (ix *index) resolve(at, callee string) (posn, end token.Position, ok bool) {
	file, line, ok := splitAt(at)
	if !ok {
		return posn, end, false
	}
	fi := ix.byAt[file]
	if fi == nil {
		return posn, end, false
	}
	if call := fi.findCall(line, callee); call != nil {
		return ix.fset.Position(call.Pos()), ix.fset.Position(call.End()), true
	}
	posn = token.Position{Filename: fi.name, Line: line}
	return posn, posn, true
}

// span returns the range of the outermost call, selector, identifier,
// function literal or go statement that starts at pos, as the analyzer's
// reporter trims ranges, or pos alone.
func (ix *index) span(pos token.Pos) (posn, end token.Position) {
	posn = ix.fset.Position(pos)
	end = posn
	if fi := ix.files[posn.Filename]; fi != nil {
		fi.build()
		if e, ok := fi.ends[posn.Offset]; ok {
			end = fi.tf.Position(fi.tf.Pos(e))
		}
	}
	return posn, end
}

// findCall returns the call at line whose callee is named callee; failing
// that, the one whose selector or name is the callee's last part; failing
// that, the only call on the line.
func (fi *fileInfo) findCall(line int, callee string) *ast.CallExpr {
	fi.build()
	calls := fi.calls[line]
	info := fi.pkg.TypesInfo
	for _, c := range calls {
		if fn, ok := typeutil.Callee(info, c).(*types.Func); ok && names.Func(fn, nil) == callee {
			return c
		}
	}
	short := names.Short(callee)
	for _, c := range calls {
		switch f := ast.Unparen(c.Fun).(type) {
		case *ast.SelectorExpr:
			if f.Sel.Name == short {
				return c
			}
		case *ast.Ident:
			if f.Name == short {
				return c
			}
		}
	}
	if len(calls) == 1 {
		return calls[0]
	}
	return nil
}

func (fi *fileInfo) build() {
	if fi.calls != nil {
		return
	}
	fi.calls = map[int][]*ast.CallExpr{}
	fi.ends = map[int]int{}
	tf := fi.tf
	ast.Inspect(fi.syntax, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			line := tf.Line(n.Pos())
			fi.calls[line] = append(fi.calls[line], n)
		case *ast.SelectorExpr, *ast.Ident, *ast.FuncLit, *ast.GoStmt:
		default:
			return true
		}
		if _, seen := fi.ends[tf.Offset(n.Pos())]; !seen {
			fi.ends[tf.Offset(n.Pos())] = tf.Offset(n.End())
		}
		return true
	})
}

// origin says whose code a file is in: the main module's, another
// module's, or the standard library's. Unknown files are classified by
// import path: no dot in the first element means the standard library.
func (ix *index) origin(filename, importPath string) output.Origin {
	if fi := ix.files[filename]; fi != nil {
		switch m := fi.pkg.Module; {
		case m == nil:
			return output.OriginStdlib
		case m.Main:
			return output.OriginUser
		}
		return output.OriginThirdParty
	}
	if first, _, _ := strings.Cut(importPath, "/"); first != "" && !strings.Contains(first, ".") {
		return output.OriginStdlib
	}
	return output.OriginThirdParty
}

// inModule reports whether filename is inside the main module's tree.
func (ix *index) inModule(filename string) bool {
	if ix.moduleDir == "" || filename == "" {
		return false
	}
	rel, err := filepath.Rel(ix.moduleDir, filename)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// atOf renders a position the way witness paths do:
// "import/path/file.go:line".
func (ix *index) atOf(p token.Position) string {
	fi := ix.files[p.Filename]
	if fi == nil {
		return ""
	}
	return fi.pkg.PkgPath + "/" + path.Base(filepath.ToSlash(p.Filename)) + ":" + strconv.Itoa(p.Line)
}

// packageOf returns the ID of the package that holds filename, or "".
func (ix *index) packageOf(filename string) string {
	if fi := ix.files[filename]; fi != nil {
		return fi.pkg.ID
	}
	return ""
}

// enclosingFunc names the declared function around p relative to its
// package ("lookup", "(*server).handle"), or "".
func (ix *index) enclosingFunc(p token.Position) string {
	fn, name := ix.funcAt(p)
	if fn != nil {
		return names.Func(fn, fn.Pkg())
	}
	return name
}

// holderAt names the declared function around p with its package
// ("providers.lookup"), or "": the function that makes an access there.
// Witness paths are capped in length, so their second-to-last hop is not
// always that function.
func (ix *index) holderAt(p token.Position) string {
	fn, name := ix.funcAt(p)
	if fn != nil {
		return names.Func(fn, nil)
	}
	return name
}

// posOf returns the token.Pos of a position in a loaded file, or NoPos
// when the file's lines do not map one to one (cgo's //line directives).
func (ix *index) posOf(p token.Position) token.Pos {
	fi := ix.files[p.Filename]
	if fi == nil || p.Line < 1 || p.Line > fi.tf.LineCount() || p.Column < 1 {
		return token.NoPos
	}
	pos := fi.tf.LineStart(p.Line) + token.Pos(p.Column-1)
	if got := ix.fset.Position(pos); got.Filename != p.Filename || got.Line != p.Line || got.Column != p.Column {
		return token.NoPos // a //line directive (cgo) maps this file elsewhere
	}
	return pos
}

// funcAt returns the declared function around p, or only its name when
// it has no type information.
func (ix *index) funcAt(p token.Position) (*types.Func, string) {
	fi := ix.files[p.Filename]
	if fi == nil {
		return nil, ""
	}
	tf := fi.tf
	if p.Line < 1 || p.Line > tf.LineCount() {
		return nil, ""
	}
	pos := tf.LineStart(p.Line) + token.Pos(max(p.Column-1, 0))
	for _, d := range fi.syntax.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
			if fn, ok := fi.pkg.TypesInfo.Defs[fd.Name].(*types.Func); ok {
				return fn, ""
			}
			return nil, fd.Name.Name
		}
	}
	return nil, ""
}

// SrcRoot returns the directory that repository-relative paths start
// from: the nearest directory above dir (or dir itself) that holds a .git
// entry, or dir when there is none.
func SrcRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// anchorable reports whether a finding may be reported in filename: a
// hand-written file of the main module. Like the analyzer, the whole-program
// view never reports in a generated file.
func (ix *index) anchorable(filename string) bool {
	fi := ix.files[filename]
	return fi != nil && !fi.generated && ix.inModule(filename)
}

// atAnchorable is anchorable for an "import/path/file.go:line".
func (ix *index) atAnchorable(at string) bool {
	file, _, ok := splitAt(at)
	if !ok {
		return false
	}
	fi := ix.byAt[file]
	return fi != nil && ix.anchorable(fi.name)
}

// paramArg reports whether the call of callee at an
// "import/path/file.go:line" passes a parameter of the enclosing function
// as its first argument (the variable name, or the template of
// os.ExpandEnv): the name is then resolved where that function is called.
// A constant, or a local variable that holds constants, is not one.
func (ix *index) paramArg(at, callee string) bool {
	file, line, ok := splitAt(at)
	if !ok {
		return false
	}
	fi := ix.byAt[file]
	if fi == nil {
		return false
	}
	call := fi.findCall(line, callee)
	if call == nil || len(call.Args) == 0 {
		return false
	}
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := fi.pkg.TypesInfo.Uses[id].(*types.Var)
	return ok && v.Kind() == types.ParamVar
}
