package roots

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/internal/names"
)

// Analyzer finds the concurrent roots of a package and exports a Spawner
// fact for each function that runs a function parameter in a new goroutine.
var Analyzer = &analysis.Analyzer{
	Name:       "credlint_roots",
	Doc:        "credlint_roots: find concurrent roots and learn spawners",
	URL:        "https://github.com/credlint/credlint/blob/main/passes/roots",
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Spawner), new(ConcurrentCalls)},
}

// Spawner is the fact exported for a function that starts goroutines: one
// that runs some of its function parameters in a new goroutine (Params
// holds their indexes, receiver not counted, sorted), or one that leaves a
// goroutine running when it returns (Starts: srv.Start(), a constructor
// that starts its loop), or both. An interface method whose every
// implementation in view spawns a parameter gets one too (ifacespawn.go).
type Spawner struct {
	Params []int
	Starts bool
}

// AFact marks Spawner as an analysis fact.
func (*Spawner) AFact() {}

func (s *Spawner) String() string {
	var out []string
	if len(s.Params) > 0 {
		parts := make([]string, len(s.Params))
		for i, p := range s.Params {
			parts[i] = strconv.Itoa(p)
		}
		out = append(out, "spawner("+strings.Join(parts, ",")+")")
	}
	if s.Starts {
		out = append(out, "starts")
	}
	return strings.Join(out, " ")
}

// Kind says why a body is a concurrent root.
type Kind int

const (
	// HTTPHandler is a ServeHTTP method or a function used as an HTTP handler.
	HTTPHandler Kind = iota
	// Goroutine is the target of a go statement.
	Goroutine
	// Spawned is a function handed to a spawner (errgroup.Group.Go, a pool).
	Spawned
	// ParallelTest is a test or subtest body that calls t.Parallel.
	ParallelTest
	// MainAfterGo is a concurrent region: the statements of main, of a
	// test, or of any function after it starts a goroutine (directly or
	// through a call that leaves one running) and before the statement
	// that waits for it (regions.go).
	MainAfterGo
	// RPCMethod is a method of a registered RPC service (gRPC, net/rpc).
	RPCMethod
	// Scheduled is a job handed to a scheduler (cron), run on its goroutine.
	Scheduled
)

// String names the kind for messages: "HTTP handler", "goroutine", ...
func (k Kind) String() string {
	switch k {
	case HTTPHandler:
		return "HTTP handler"
	case Goroutine:
		return "goroutine"
	case Spawned:
		return "goroutine"
	case ParallelTest:
		return "parallel test"
	case MainAfterGo:
		return "after goroutines start"
	case RPCMethod:
		return "RPC method"
	case Scheduled:
		return "scheduled job"
	}
	return "root"
}

// Root is one concurrent root of the package: a declared function or a
// function literal.
type Root struct {
	Kind Kind
	Func *types.Func  // the declared function or method, or nil
	Lit  *ast.FuncLit // the function literal, or nil
	// Block holds the statements of a MainAfterGo root (a synthetic block
	// over the function's own statements), or nil.
	Block *ast.BlockStmt
	Pos   token.Pos // where the root is started (go statement, registration) or declared
	Via   string    // how it is started: "go statement", "errgroup.Group.Go", "http.HandlerFunc", ...
	Name  string    // display name of the body, e.g. "(*server).ServeHTTP" or "func literal in main"
	// Body is the function or literal body a MainAfterGo region's
	// statements belong to, and Starts the goroutine starts of the region,
	// from the statement that opens it to its end, in source order: what
	// runs alongside a statement of the region is what was started before
	// it (regions.go). Both are nil for other roots.
	Body   *ast.BlockStmt
	Starts []Start
	// Framework names the library that runs the root ("gin", "gRPC",
	// "net/rpc", "cron"), or "" for the language and net/http.
	Framework string

	// Group names the set of tests that may run at the same time as this
	// one: "parallel tests" for top-level parallel tests and everything
	// below them, "subtests of TestX" for parallel subtests of a serial test.
	// Empty for roots that are not tests.
	Group string
	// SerialParent is the serial test whose parallel subtests form Group,
	// or nil.
	SerialParent *ast.FuncDecl
	// Alone is set on the package's only parallel test, which go test
	// runs beside no other test (markLoneParallelTest): its body gets the
	// concurrent regions of a serial test, and the root itself stands
	// only for the t.Setenv panic.
	Alone bool
}

// Start is one goroutine start in a concurrent region.
type Start struct {
	Pos token.Pos // the go statement or the call
	// Func is the function called when it leaves goroutines running (a
	// Starts fact: srv.Start()), whose goroutines' accesses the envaccess
	// pass knows (its Background fact); nil for a go statement or a
	// spawner call, whose goroutine is a root of this package.
	Func *types.Func
	// Opaque: the goroutines run code not in view (an interface method
	// that spawns; another package's spawner, whose workers may run more
	// than the function handed here), so what they touch is not known.
	Opaque bool
	// Loop: a loop of the region's statement encloses the start, so that
	// the statement's later iterations run alongside it.
	Loop bool
}

// Label names the kind of the root for messages: "HTTP handler",
// "gin handler", "gRPC method", "cron job".
func (r *Root) Label() string {
	if r.Framework != "" {
		switch r.Kind {
		case HTTPHandler:
			return r.Framework + " handler"
		case RPCMethod:
			return r.Framework + " method"
		case Scheduled:
			return r.Framework + " job"
		}
	}
	return r.Kind.String()
}

// Result lists the package's roots and answers questions about them.
type Result struct {
	Roots []*Root // in source order

	lits   map[*ast.FuncLit]*Root
	funcs  map[*types.Func][]*Root
	refs   map[ast.Expr]bool
	spawn  map[*types.Func][]int
	starts map[*types.Func]bool // local functions that leave a goroutine running, and imported ones looked up
	serves map[*types.Func]bool // local functions that end by serving (starters.go)
	impls  map[*types.Interface][]types.Type
	pass   *analysis.Pass
}

// LitRoot returns the root for a function literal, or nil when the literal
// runs as part of its enclosing function.
func (r *Result) LitRoot(lit *ast.FuncLit) *Root { return r.lits[lit] }

// FuncRoots returns the roots whose body is fn, if any.
func (r *Result) FuncRoots(fn *types.Func) []*Root { return r.funcs[fn] }

// IsRootRef reports whether the expression is a function value that is
// started as a root where it appears (a go target, a spawner argument, a
// handler registration), so that it is not a call of the enclosing function.
func (r *Result) IsRootRef(e ast.Expr) bool { return r.refs[ast.Unparen(e)] }

// SpawnedParams returns the parameter indexes that fn runs in a new
// goroutine, for functions of this package and imported ones alike.
func (r *Result) SpawnedParams(fn *types.Func) []int {
	fn = fn.Origin()
	if p, ok := r.spawn[fn]; ok {
		return p
	}
	if k, ok := knownSpawners[names.Full(fn)]; ok {
		return []int{k.arg}
	}
	if fn.Pkg() != r.pass.Pkg {
		r.importFact(fn)
		return r.spawn[fn]
	}
	return nil
}

// Starts reports whether a call of fn leaves a goroutine running when it
// returns: a function of this package or an imported one learned so
// (srv.Start()), a known spawner, or a scheduler's Start.
func (r *Result) Starts(fn *types.Func) bool {
	fn = fn.Origin()
	if _, ok := knownSpawners[names.Full(fn)]; ok || goroutineStarters[names.Full(fn)] {
		return true
	}
	if fn.Pkg() != r.pass.Pkg {
		r.importFact(fn)
	}
	return r.starts[fn]
}

// importFact copies fn's Spawner fact, once.
func (r *Result) importFact(fn *types.Func) {
	if _, ok := r.spawn[fn]; ok {
		return
	}
	var fact Spawner
	if r.pass.ImportObjectFact(fn, &fact) {
		r.spawn[fn] = fact.Params
		r.starts[fn] = fact.Starts
		return
	}
	r.spawn[fn] = nil
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{
		lits:   map[*ast.FuncLit]*Root{},
		funcs:  map[*types.Func][]*Root{},
		refs:   map[ast.Expr]bool{},
		spawn:  map[*types.Func][]int{},
		starts: map[*types.Func]bool{},
		serves: map[*types.Func]bool{},
		impls:  map[*types.Interface][]types.Type{},
		pass:   pass,
	}
	// Learned spawners can call each other: repeat the scan until the set
	// of spawners of this package stops growing. Each round only adds
	// parameters, so this ends within one round per parameter.
	std := newFinder(pass, res).inGOROOT()
	var called map[string]bool
	if !std {
		called = importedConcurrentCalls(pass)
	}
	for round := 0; ; round++ {
		res.reset()
		f := newFinder(pass, res)
		f.scanFiles()
		f.ifaceCallRoots(called)
		learned := f.learnSpawners()
		if !f.learnIfaceSpawners() && !learned || round > 20 {
			f.learnStarters()
			markLoneParallelTest(pass, res.Roots)
			f.addRegions()
			break
		}
	}
	sort.SliceStable(res.Roots, func(i, j int) bool { return res.Roots[i].Pos < res.Roots[j].Pos })
	exportSpawners(pass, res)
	if !std {
		exportConcurrentCalls(pass, res)
	}
	return res, nil
}

// reset forgets the roots of a previous round but keeps learned spawners.
func (r *Result) reset() {
	r.Roots = nil
	r.lits = map[*ast.FuncLit]*Root{}
	r.funcs = map[*types.Func][]*Root{}
	r.refs = map[ast.Expr]bool{}
}

func exportSpawners(pass *analysis.Pass, res *Result) {
	seen := map[*types.Func]bool{}
	var fns []*types.Func
	for _, m := range []map[*types.Func]bool{keysOf(res.spawn), res.starts} {
		for fn := range m {
			if fn.Pkg() == pass.Pkg && !seen[fn] && (len(res.spawn[fn]) > 0 || res.starts[fn]) {
				seen[fn] = true
				fns = append(fns, fn)
			}
		}
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].Pos() < fns[j].Pos() })
	for _, fn := range fns {
		pass.ExportObjectFact(fn, &Spawner{Params: res.spawn[fn], Starts: res.starts[fn]})
	}
}

func keysOf(m map[*types.Func][]int) map[*types.Func]bool {
	out := make(map[*types.Func]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

func (r *Result) add(root *Root) {
	if root.Lit != nil {
		if _, dup := r.lits[root.Lit]; dup {
			return
		}
		r.lits[root.Lit] = root
	}
	if root.Func != nil {
		root.Func = root.Func.Origin()
		for _, old := range r.funcs[root.Func] {
			if old.Kind == root.Kind && old.Pos == root.Pos {
				return
			}
		}
		r.funcs[root.Func] = append(r.funcs[root.Func], root)
	}
	r.Roots = append(r.Roots, root)
}
