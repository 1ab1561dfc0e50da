package envaccess

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/internal/names"
	"github.com/credlint/credlint/internal/pkgvars"
	"github.com/credlint/credlint/passes/roots"
)

// Analyzer summarises each function's environment accesses and exports them
// as Summary facts.
var Analyzer = &analysis.Analyzer{
	Name:       "credlint_envaccess",
	Doc:        "credlint_envaccess: summarise each function's env accesses",
	URL:        "https://github.com/credlint/credlint/blob/main/passes/envaccess",
	Requires:   []*analysis.Analyzer{roots.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Summary), new(TouchesEnv), new(Conversions), new(Background)},
}

// state is the pass's working set for one package.
type state struct {
	pass    *analysis.Pass
	info    *types.Info
	roots   *roots.Result
	bodies  map[*types.Func]*body
	lits    map[*ast.FuncLit]*body
	blocks  map[*ast.BlockStmt]*body
	order   []*body
	pkgVars map[*types.Var]ast.Expr

	imported  map[*types.Func][]Access
	methods   map[string][]*types.Func
	instances map[*types.Named][]*types.Named
	onceVars  map[*types.Var]*body       // package-level sync.OnceFunc(lit) variables
	onceFuncs map[*types.Var]*types.Func // package-level sync.OnceFunc(f) variables
	taken     []*types.Func
	takenOnce []*types.Func             // handed to run-once calls (once.go)
	onceReads *set                      // reads dropped because they run once (once.go)
	varFuncs  map[*types.Var]*varValues // function values package variables hold (varfuncs.go)
	tmplFuncs *[]*types.Func            // functions handed to templates' Funcs (varfuncs.go)
	localConv map[conversion]bool       // conversions this package makes (conversions.go)
	conv      map[string]bool           // those and the dependencies' Conversions facts
	snapshots map[*ast.CallExpr]string  // filtered os.Environ() loops (snapshot.go)
	carried   map[string][]Dispatch     // carried dispatches not in view, by method (carried.go)

	exportedVars map[*types.Var]*body    // exported variables holding function values (varfuncs.go)
	importedVars map[*types.Var][]Access // their Summary facts, for imported ones
	litVarsC     map[*ast.BlockStmt]map[*types.Var]*ast.FuncLit
	decls        map[*body]*ast.FuncDecl
	locks        *lockInfo                // where mutexes are held (locks.go)
	bg           map[*types.Func][]Access // what the goroutines a function leaves running access (background.go)
}

func run(pass *analysis.Pass) (any, error) {
	st := &state{
		pass:     pass,
		info:     pass.TypesInfo,
		roots:    pass.ResultOf[roots.Analyzer].(*roots.Result),
		bodies:   map[*types.Func]*body{},
		lits:     map[*ast.FuncLit]*body{},
		blocks:   map[*ast.BlockStmt]*body{},
		imported: map[*types.Func][]Access{},
		litVarsC: map[*ast.BlockStmt]map[*types.Var]*ast.FuncLit{},
		decls:    map[*body]*ast.FuncDecl{},
		bg:       map[*types.Func][]Access{},
	}
	res := &Result{st: st}
	if shimPackages[pass.Pkg.Path()] {
		return res, nil
	}
	if !st.mayReachEnv() && !st.callsCarried() {
		st.exportConversionsFact(nil, nil) // forward what blank imports register
		return res, nil
	}
	st.pkgVars = pkgvars.Initializers(st.info, pass.Files)
	st.collectBodies()
	if importsSync(pass.Pkg) {
		st.locks = st.lockRegions()
	}
	st.onceVarBodies()
	st.initVarFuncs()
	st.varBodies()
	for _, b := range st.order {
		st.walk(b)
	}
	st.propagate()
	st.exportFacts()
	return res, nil
}

// mayReachEnv is the cheap early exit: a package that uses no function of
// os, syscall, os/exec or testing, nor a function, type or package
// variable of a package with a TouchesEnv fact, cannot reach the
// environment. (A package that only names such a type may still convert
// it to an interface: its Conversions fact is needed by its dependents,
// conversions.go; a variable may hold functions, varfuncs.go. A package
// whose only way there is an interface call of a carried dispatch, which
// names no package that touches the environment, is kept by
// callsCarried, carried.go.)
func (st *state) mayReachEnv() bool {
	checked := map[*types.Package]bool{}
	typesChecked := map[*types.Package]bool{}
	for _, obj := range st.info.Uses {
		if isTypeOrVar(obj) {
			p := obj.Pkg()
			if p == nil || p == st.pass.Pkg || typesChecked[p] || checked[p] {
				continue
			}
			typesChecked[p] = true
			if !envPackages[p.Path()] && st.pass.ImportPackageFact(p, new(TouchesEnv)) {
				return true
			}
			continue
		}
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || checked[fn.Pkg()] {
			continue
		}
		p := fn.Pkg()
		checked[p] = true
		if envPackages[p.Path()] {
			return true
		}
		if p != st.pass.Pkg && st.pass.ImportPackageFact(p, new(TouchesEnv)) {
			return true
		}
	}
	return false
}

// collectBodies creates a body for every declared function and every root
// literal, in source order.
func (st *state) collectBodies() {
	for _, f := range st.pass.Files {
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok {
				st.varRootLits(gd)
				continue
			}
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := st.info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if _, isSink := sinks[names.Full(fn)]; isSink {
				continue // never summarise a sink's own body
			}
			sig := fn.Type().(*types.Signature)
			sc := &scope{info: st.info, params: sig.Params(), recv: sig.Recv(), guards: &guardInfo{block: fd.Body},
				defs: localDefs(fd.Body, st.info), pkgVars: st.pkgVars, envSet: commandsWithEnv(fd.Body, st.info)}
			sc.guards.owner = sc
			b := &body{fn: fn, block: fd.Body, scope: sc, direct: newSet(), sum: newSet()}
			st.bodies[fn] = b
			st.decls[b] = fd
			st.order = append(st.order, b)
			st.rootLits(fd, sc)
			st.rootBlocks(fd, sc)
		}
	}
}

// rootBlocks adds a body for each statement-range root of fd (the part of
// main that runs alongside its goroutines).
func (st *state) rootBlocks(fd *ast.FuncDecl, outer *scope) {
	for _, r := range st.roots.Roots {
		if r.Block == nil || r.Block.Pos() < fd.Body.Pos() || r.Block.End() > fd.Body.End() {
			continue
		}
		sc := &scope{info: st.info, defs: outer.defs, pkgVars: st.pkgVars, envSet: outer.envSet, guards: outer.guards}
		b := &body{block: r.Block, scope: sc, direct: newSet(), sum: newSet()}
		st.blocks[r.Block] = b
		st.decls[b] = fd
		st.order = append(st.order, b)
	}
}

// rootLits adds a body for each root literal inside fd. A root literal's
// parameters are not resolvable by callers (the runtime calls it).
func (st *state) rootLits(fd *ast.FuncDecl, outer *scope) {
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok || st.roots.LitRoot(lit) == nil {
			return true
		}
		sc := &scope{info: st.info, defs: outer.defs, pkgVars: st.pkgVars, envSet: outer.envSet, guards: outer.guards}
		b := &body{lit: lit, block: lit.Body, scope: sc, direct: newSet(), sum: newSet()}
		st.lits[lit] = b
		st.decls[b] = fd
		st.order = append(st.order, b)
		return true
	})
}

// varRootLits adds a body for each root literal in a package-level
// declaration:
//
//	var handle = func(w http.ResponseWriter, r *http.Request) { ... }
func (st *state) varRootLits(gd *ast.GenDecl) {
	ast.Inspect(gd, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok || st.roots.LitRoot(lit) == nil {
			return true
		}
		sc := &scope{info: st.info, defs: localDefs(lit.Body, st.info), pkgVars: st.pkgVars, envSet: commandsWithEnv(lit.Body, st.info),
			guards: &guardInfo{block: lit.Body}}
		sc.guards.owner = sc
		b := &body{lit: lit, block: lit.Body, scope: sc, direct: newSet(), sum: newSet()}
		st.lits[lit] = b
		st.order = append(st.order, b)
		return true
	})
}

// litVars returns the locals bound to one literal in b's declaration.
func (st *state) litVars(b *body) map[*types.Var]*ast.FuncLit {
	fd := st.decls[b]
	if fd == nil {
		return nil
	}
	if m, ok := st.litVarsC[fd.Body]; ok {
		return m
	}
	m := roots.LocalFuncLits(st.info, fd.Body)
	st.litVarsC[fd.Body] = m
	return m
}

// at renders a position as "import/path/file.go:line", stable across
// machines.
func (st *state) at(pos token.Pos) string {
	p := st.pass.Fset.Position(pos)
	return st.pass.Pkg.Path() + "/" + path.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

// importedSummary returns the accesses of an imported function, from its
// Summary fact.
func (st *state) importedSummary(fn *types.Func) []Access {
	if s, ok := st.imported[fn]; ok {
		return s
	}
	var fact Summary
	var acc []Access
	if st.pass.ImportObjectFact(fn, &fact) {
		acc = fact.Accesses
	}
	st.imported[fn] = acc
	return acc
}

// exportFacts exports a Summary for every declared function that reaches
// the environment, and TouchesEnv when there is at least one. The members
// of a big component that no other package can call and nothing asked
// about (shared.go) have no summary of their own to export: they are left
// out, so that the facts stay linear in the component's size.
func (st *state) exportFacts() {
	any := false
	for _, b := range st.order {
		if b.fn == nil || len(b.sum.byKey) == 0 || b.comp.shared != nil && !b.full {
			continue
		}
		st.pass.ExportObjectFact(b.fn, &Summary{Accesses: factAccesses(b.sum.sorted())})
		any = true
	}
	if st.exportBackgrounds() {
		any = true
	}
	if st.exportVarFacts() || any {
		st.pass.ExportPackageFact(&TouchesEnv{})
	}
	st.exportConversions()
}

// factAccesses keeps one access per kind, operation and key (the best
// witness) and drops the in-process fields of hops, so that a fact holds
// only names and file:line strings.
func factAccesses(acc []Access) []Access {
	best := map[string]int{}
	var out []Access
	for _, a := range acc {
		path := make([]Hop, len(a.Path))
		for j, h := range a.Path {
			path[j] = Hop{Callee: h.Callee, At: h.At, Dynamic: h.Dynamic}
		}
		a.Path = path
		k := a.dedupKey()
		if i, ok := best[k]; ok {
			locks := intersectLocks(out[i].Locks, a.Locks)
			guard := meetGuards(out[i].Guard, a.Guard)
			if a.better(&out[i]) {
				out[i] = a
			}
			out[i].Locks, out[i].Guard = locks, guard
			continue
		}
		best[k] = len(out)
		out = append(out, a)
	}
	sortBy(out, func(a Access) string { return a.dedupKey() })
	return out
}

func importsSync(p *types.Package) bool {
	for _, imp := range p.Imports() {
		if imp.Path() == "sync" {
			return true
		}
	}
	return false
}

// sortBy sorts xs by key, computing each element's key once (keys such as
// types.Func.FullName are built anew on every call). Elements with equal
// keys keep their order.
func sortBy[T any](xs []T, key func(T) string) {
	type keyed struct {
		k string
		x T
	}
	ks := make([]keyed, len(xs))
	for i, x := range xs {
		ks[i] = keyed{key(x), x}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.k, b.k) })
	for i := range ks {
		xs[i] = ks[i].x
	}
}

func isTypeOrVar(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.TypeName:
		return true
	case *types.Var:
		return !obj.IsField()
	}
	return false
}
