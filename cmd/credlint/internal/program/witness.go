package program

import (
	"go/token"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/cmd/credlint/internal/output"
	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// A Unit is one analysed package with what the passes computed for it:
// the analyzer's diagnostics, and the results of the roots and envaccess
// passes, from which the whole-program view takes every root's witness.
type Unit struct {
	Pkg         *packages.Package
	Analyzer    string // name of the analyzer that reported Diagnostics
	Diagnostics []analysis.Diagnostic
	Roots       *roots.Result     // nil when unavailable
	Env         *envaccess.Result // nil when unavailable

	writes []envaccess.Access // every write its roots reach, once knownWrite asks
	listed bool               // writes is filled
}

// programName reports whether a reads a name computed at run time that
// data does not choose (analyzer.NameFromData): it races only with a
// write known to touch its family (envaccess.KnownOverlap).
func programName(u *Unit, r *roots.Root, a envaccess.Access) bool {
	return a.From != envaccess.KeyConst && a.From != envaccess.KeyAll && !analyzer.NameFromData(u.Pkg.Fset, r, a)
}

// knownWrite reports whether some root of u writes a variable that read
// a, of a name the program builds, may read (envaccess.KnownOverlap).
func (u *Unit) knownWrite(a envaccess.Access) bool {
	if !u.listed && u.Roots != nil {
		for _, r := range u.Roots.Roots {
			for _, w := range u.accesses(r) {
				if w.Kind == envaccess.Write {
					u.writes = append(u.writes, w)
				}
			}
		}
	}
	u.listed = true
	for i := range u.writes {
		if envaccess.KnownOverlap(&u.writes[i], &a) {
			return true
		}
	}
	return false
}

// accesses returns what root r reaches, as the analyzer walks it.
func (u *Unit) accesses(r *roots.Root) []envaccess.Access {
	switch {
	case u.Env == nil:
		return nil
	case r.Lit != nil:
		return u.Env.LitAccesses(r.Lit)
	case r.Block != nil:
		return u.Env.BlockAccesses(r.Block)
	case r.Func != nil:
		return u.Env.FuncAccesses(r.Func)
	}
	return nil
}

// rootAt returns the root of u that starts at pos and whose first hop
// reads start, or nil. Two roots may start at one position: main's first
// `go f()` is both the goroutine f and the start of main's concurrent
// region, and only the hop's message tells them apart.
func (u *Unit) rootAt(pos token.Pos, start string) *roots.Root {
	if u.Roots == nil {
		return nil
	}
	for _, r := range u.Roots.Roots {
		if r.Pos == pos && analyzer.RootStart(r) == start {
			return r
		}
	}
	return nil
}

// witness builds the witness of root r of u for access a.
func (p *Program) witness(u *Unit, r *roots.Root, a envaccess.Access) output.Witness {
	w := output.Witness{
		Root: output.Root{Package: u.Pkg.PkgPath, Name: r.Name, Kind: r.Label()},
		Keys: []string{a.KeyString()},
		Op:   a.Op,
	}
	posn, end := p.ix.span(r.Pos)
	w.Frames = append(w.Frames, output.Frame{Posn: posn, End: end, Message: analyzer.RootStart(r), Origin: p.ix.origin(posn.Filename, u.Pkg.PkgPath)})
	for i, h := range a.Path {
		msg := "calls " + h.Callee
		if i == len(a.Path)-1 {
			msg = h.Callee + " called here"
			if a.Elided > 0 {
				w.Frames = append(w.Frames, elidedFrame(w.Frames[len(w.Frames)-1], a.Elided))
			}
		}
		if h.Pos().IsValid() {
			// A hop of the unit's own package has its exact position; an
			// "import/path/file.go:line" alone cannot tell two calls on
			// one line apart.
			posn, end := p.ix.span(h.Pos())
			w.Frames = append(w.Frames, output.Frame{Posn: posn, End: end, Message: msg, Function: h.Callee,
				Origin: p.ix.origin(posn.Filename, u.Pkg.PkgPath)})
			continue
		}
		w.Frames = append(w.Frames, p.hopFrame(h.At, h.Callee, msg))
	}
	w.Holder = holder(p.ix, w.Frames, r.Name)
	return w
}

// elidedFrame stands for n calls left out after the frame prev.
func elidedFrame(prev output.Frame, n int) output.Frame {
	return output.Frame{Posn: prev.Posn, End: prev.End, Message: analyzer.ElidedHops(n), Origin: prev.Origin, Elided: n}
}

// holder names the function that makes the access at the end of frames:
// the declared function around the access, else the callee of the
// previous call frame (an elision frame is not one), else def.
func holder(ix *index, frames []output.Frame, def string) string {
	if h := ix.holderAt(frames[len(frames)-1].Posn); h != "" {
		return h
	}
	if n := len(frames); n >= 4 && frames[n-2].Elided > 0 {
		frames = slices.Delete(slices.Clone(frames), n-2, n-1)
	}
	if n := len(frames); n >= 3 && frames[n-2].Function != "" {
		return frames[n-2].Function
	}
	return def
}

// hopFrame resolves one call of a witness path.
func (p *Program) hopFrame(at, callee, msg string) output.Frame {
	f := output.Frame{Message: msg, Function: callee}
	file, _, _ := splitAt(at)
	importPath := path0(file)
	if posn, end, ok := p.ix.resolve(at, callee); ok {
		f.Posn, f.End = posn, end
	} else {
		// The file was not loaded: keep the path the witness names.
		f.Posn = token.Position{Filename: file}
		f.Posn.Line = atLine(at)
		f.End = f.Posn
	}
	f.Origin = p.ix.origin(f.Posn.Filename, importPath)
	return f
}

func path0(file string) string {
	if i := strings.LastIndex(file, "/"); i >= 0 {
		return file[:i]
	}
	return file
}

func atLine(at string) int {
	_, line, _ := splitAt(at)
	return line
}

// atSuffix matches the " at import/path/file.go:line" that the analyzer
// adds to a hop outside the analysed package.
var atSuffix = regexp.MustCompile(` at (\S+\.go:\d+)$`)

// relatedWitness builds a witness from a diagnostic's related information,
// for roots that the roots pass does not list (a serial test whose
// parallel subtests run after it, a function read under -context-reads).
func (p *Program) relatedWitness(u *Unit, d analysis.Diagnostic, subject string) output.Witness {
	fset := u.Pkg.Fset
	first := fset.Position(d.Related[0].Pos)
	w := output.Witness{
		Root: output.Root{Package: u.Pkg.PkgPath, Name: p.ix.enclosingFunc(first), Kind: d.Related[0].Message},
		Keys: subjectKeys(subject),
	}
	for i, rel := range d.Related {
		msg := rel.Message
		var at string
		if m := atSuffix.FindStringSubmatchIndex(msg); m != nil {
			at, msg = msg[m[2]:m[3]], msg[:m[0]]
		}
		callee := ""
		if n, ok := analyzer.ParseElidedHops(msg); ok && i > 0 {
			posn, end := p.ix.span(rel.Pos)
			w.Frames = append(w.Frames, output.Frame{Posn: posn, End: end, Message: msg, Origin: p.ix.origin(posn.Filename, u.Pkg.PkgPath), Elided: n})
			continue
		}
		switch {
		case i == 0:
		case strings.HasSuffix(msg, " called here"):
			callee = strings.TrimSuffix(msg, " called here")
		case strings.HasPrefix(msg, "calls "):
			callee = qualify(strings.TrimPrefix(msg, "calls "), u.Pkg.Types.Name())
			msg = "calls " + callee
		}
		var f output.Frame
		if at != "" {
			f = p.hopFrame(at, callee, msg)
		} else {
			posn, end := p.ix.span(rel.Pos)
			f = output.Frame{Posn: posn, End: end, Message: msg, Function: callee, Origin: p.ix.origin(posn.Filename, u.Pkg.PkgPath)}
		}
		w.Frames = append(w.Frames, f)
	}
	w.Op = w.Frames[len(w.Frames)-1].Function
	w.Holder = holder(p.ix, w.Frames, w.Root.Name)
	return w
}

// qualify undoes the analyzer's localName: a function of the analysed
// package pkg is shown bare ("lookup", "(*server).handle"); witnesses name
// every function with its package ("main.lookup", "(*main.server).handle").
func qualify(name, pkg string) string {
	if rest, ok := strings.CutPrefix(name, "(*"); ok {
		if recv, _, _ := strings.Cut(rest, ")"); !strings.Contains(recv, ".") {
			return "(*" + pkg + "." + rest
		}
		return name
	}
	if rest, ok := strings.CutPrefix(name, "("); ok {
		if recv, _, _ := strings.Cut(rest, ")"); !strings.Contains(recv, ".") {
			return "(" + pkg + "." + rest
		}
		return name
	}
	if !strings.Contains(name, ".") {
		return pkg + "." + name
	}
	return name
}

// Units returns the units of the packages that root analysed in graph,
// with the results of the roots and envaccess passes when graph has them
// as roots too (the checker keeps the results of root actions only), and
// the actions of root that failed.
func Units(graph *checker.Graph, root *analysis.Analyzer) (units []*Unit, failed []*checker.Action) {
	results := map[*packages.Package]map[*analysis.Analyzer]any{}
	for _, act := range graph.Roots {
		if results[act.Package] == nil {
			results[act.Package] = map[*analysis.Analyzer]any{}
		}
		results[act.Package][act.Analyzer] = act.Result
	}
	for _, act := range graph.Roots {
		switch {
		case act.Analyzer != root:
		case act.Err != nil:
			failed = append(failed, act)
		default:
			u := &Unit{Pkg: act.Package, Analyzer: root.Name, Diagnostics: act.Diagnostics}
			u.Roots, _ = results[act.Package][roots.Analyzer].(*roots.Result)
			u.Env, _ = results[act.Package][envaccess.Analyzer].(*envaccess.Result)
			units = append(units, u)
		}
	}
	return units, failed
}
