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

	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
	"github.com/credlint/credlint/internal/names"
)

// This file answers the questions the whole-program view asks the index:
// which call an "import/path/file.go:line" names, where a node ends, which
// function holds a position, whose code a file is. Each answer uses type
// information when the file has it, and the syntax alone otherwise; the
// two agree except on a line with two calls of one name (see findCall).

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
	fi := ix.fileAt(file)
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
	if fi := ix.file(posn.Filename); fi != nil {
		fi.build()
		if e, ok := fi.ends[posn.Offset]; ok {
			end = fi.tf.Position(fi.tf.Pos(e))
		}
	}
	return posn, end
}

// findCall returns the call at line whose callee is named callee. With
// type information that is exact. From the syntax alone it is the call
// whose selector or name is the callee's last part, through the package
// the callee's name starts with ("os.Getenv") or, for a method
// ("(*exec.Cmd).Run"), through anything but an imported package; failing
// that, the only call on the line. Two calls of methods of one name on one
// line (a.Get(x) + b.Get(y)) resolve to the first.
func (fi *fileInfo) findCall(line int, callee string) *ast.CallExpr {
	fi.build()
	calls := fi.calls[line]
	if fi.info != nil {
		for _, c := range calls {
			if fn, ok := typeutil.Callee(fi.info, c).(*types.Func); ok && names.Func(fn, nil) == callee {
				return c
			}
		}
	}
	short := names.Short(callee)
	method := strings.HasPrefix(callee, "(")
	qual, _, _ := strings.Cut(callee, ".")
	var first *ast.CallExpr
	for _, c := range calls {
		switch f := ast.Unparen(c.Fun).(type) {
		case *ast.SelectorExpr:
			if f.Sel.Name != short {
				continue
			}
			if x, ok := f.X.(*ast.Ident); ok {
				switch {
				case method && fi.imports[x.Name]:
					continue // a function of that package, not a method
				case !method && x.Name == qual:
					return c
				}
			}
		case *ast.Ident:
			if f.Name != short || method {
				continue
			}
		default:
			continue
		}
		if first == nil {
			first = c
		}
	}
	if first != nil {
		return first
	}
	if len(calls) == 1 {
		return calls[0]
	}
	return nil
}

// importName returns the name a file refers to an import by: its own
// name, or the last element of the path without a major version
// ("gopkg.in/yaml.v3" and "example.com/m/v2" give "yaml" and "m").
func importName(spec *ast.ImportSpec) string {
	if spec.Name != nil {
		return spec.Name.Name
	}
	p, err := strconv.Unquote(spec.Path.Value)
	if err != nil {
		return ""
	}
	elems := strings.Split(p, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && isMajor(last) {
		last = elems[len(elems)-2]
	}
	if i := strings.Index(last, ".v"); i > 0 && isMajor(last[i+1:]) {
		last = last[:i]
	}
	return last
}

// isMajor reports whether s is a major version suffix: "v2", "v3", ...
func isMajor(s string) bool {
	n, err := strconv.Atoi(strings.TrimPrefix(s, "v"))
	return strings.HasPrefix(s, "v") && err == nil && n >= 2
}

func (fi *fileInfo) build() {
	if fi.calls != nil {
		return
	}
	fi.calls = map[int][]*ast.CallExpr{}
	fi.ends = map[int]int{}
	fi.imports = map[string]bool{}
	for _, spec := range fi.syntax.Imports {
		fi.imports[importName(spec)] = true
	}
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
		return fi.origin
	}
	if first, _, _ := strings.Cut(importPath, "/"); first != "" && !strings.Contains(first, ".") {
		return output.OriginStdlib
	}
	return output.OriginThirdParty
}

// atOf renders a position the way witness paths do:
// "import/path/file.go:line".
func (ix *index) atOf(p token.Position) string {
	fi := ix.files[p.Filename]
	if fi == nil {
		return ""
	}
	return fi.pkgPath + "/" + path.Base(filepath.ToSlash(p.Filename)) + ":" + strconv.Itoa(p.Line)
}

// packageOf returns the ID of the package that holds filename, or "".
func (ix *index) packageOf(filename string) string {
	if fi := ix.files[filename]; fi != nil {
		return fi.pkgID
	}
	return ""
}

// enclosingFunc names the declared function around p relative to its
// package ("lookup", "(*server).handle"), or "".
func (ix *index) enclosingFunc(p token.Position) string {
	fi, fd := ix.funcAt(p)
	if fd == nil {
		return ""
	}
	if fn := fi.declared(fd); fn != nil {
		return names.Func(fn, fn.Pkg())
	}
	return declName(fd, "")
}

// holderAt names the declared function around p with its package
// ("providers.lookup"), or "": the function that makes an access there.
// Witness paths are capped in length, so their second-to-last hop is not
// always that function.
func (ix *index) holderAt(p token.Position) string {
	fi, fd := ix.funcAt(p)
	if fd == nil {
		return ""
	}
	if fn := fi.declared(fd); fn != nil {
		return names.Func(fn, nil)
	}
	return declName(fd, fi.syntax.Name.Name)
}

// declared returns the function fd declares, or nil without type
// information.
func (fi *fileInfo) declared(fd *ast.FuncDecl) *types.Func {
	if fi.info == nil {
		return nil
	}
	fn, _ := fi.info.Defs[fd.Name].(*types.Func)
	return fn
}

// declName renders a declared function as names.Func does, from its
// syntax: "pkg.F" or "(*pkg.T).M", without "pkg." when pkg is "".
func declName(fd *ast.FuncDecl, pkg string) string {
	qual := ""
	if pkg != "" {
		qual = pkg + "."
	}
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return qual + fd.Name.Name
	}
	recv, ptr := ast.Unparen(fd.Recv.List[0].Type), ""
	if star, ok := recv.(*ast.StarExpr); ok {
		recv, ptr = ast.Unparen(star.X), "*"
	}
	switch x := recv.(type) { // a generic type's parameters: T[K, V]
	case *ast.IndexExpr:
		recv = x.X
	case *ast.IndexListExpr:
		recv = x.X
	}
	id, ok := recv.(*ast.Ident)
	if !ok {
		return qual + fd.Name.Name
	}
	return "(" + ptr + qual + id.Name + ")." + fd.Name.Name
}

// posOf returns the token.Pos of a position in a known file, or NoPos
// when the file's lines do not map one to one (cgo's //line directives).
func (ix *index) posOf(p token.Position) token.Pos {
	fi := ix.file(p.Filename)
	if fi == nil || p.Line < 1 || p.Line > fi.tf.LineCount() || p.Column < 1 {
		return token.NoPos
	}
	pos := fi.tf.LineStart(p.Line) + token.Pos(p.Column-1)
	if got := ix.fset.Position(pos); got.Filename != p.Filename || got.Line != p.Line || got.Column != p.Column {
		return token.NoPos // a //line directive (cgo) maps this file elsewhere
	}
	return pos
}

// funcAt returns the file of p and the declaration of the function around
// p, or nil. Positions are compared as the file set reports them, so that
// a file that //line directives map to another (cgo's output, whose lines
// map back to the user's file) is read by the user's lines.
func (ix *index) funcAt(p token.Position) (*fileInfo, *ast.FuncDecl) {
	fi := ix.file(p.Filename)
	if fi == nil || p.Line < 1 {
		return nil, nil
	}
	before := func(a, b token.Position) bool {
		return a.Line < b.Line || a.Line == b.Line && a.Column <= b.Column
	}
	at := p
	at.Column = max(p.Column, 1)
	for _, d := range fi.syntax.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		start, end := ix.fset.Position(fd.Pos()), ix.fset.Position(fd.End())
		if start.Filename == p.Filename && end.Filename == p.Filename && before(start, at) && before(at, end) && at != end {
			return fi, fd
		}
	}
	return nil, nil
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
// hand-written file of a main module's package (not a vendored copy of
// another module, though it lies in the module's tree). Like the analyzer,
// the whole-program view never reports in a generated file.
func (ix *index) anchorable(filename string) bool {
	fi := ix.files[filename]
	if fi == nil || fi.origin != output.OriginUser {
		return false
	}
	return ix.parsed(fi) && !fi.generated
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
// A constant, or a local variable that holds constants, is not one. It
// needs type information: false for a file parsed without it.
func (ix *index) paramArg(at, callee string) bool {
	file, line, ok := splitAt(at)
	if !ok {
		return false
	}
	fi := ix.fileAt(file)
	if fi == nil || fi.info == nil {
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
	v, ok := fi.info.Uses[id].(*types.Var)
	return ok && v.Kind() == types.ParamVar
}
