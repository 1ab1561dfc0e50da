package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/internal/sdks"
	"github.com/credlint/credlint/passes/envaccess"
)

// This file finds, on a read's witness, the call of the analysed package
// into an SDK entry point of sdks.Table (issue 14): the last hop whose
// call is in the package, when the read itself is in another package.
// The checker drops a read that the call settles (it passes the adapter's
// option, or the SDK's own explicit option for the key), and the fixer
// adds the adapter's call there (sdkfix.go).

// sdkHop is a read's call into an SDK entry point with a row.
type sdkHop struct {
	index   int // of the hop on the access's path
	entry   *sdks.Entry
	adapter bool // the call is of the row's adapter wrapper, not the SDK
	fn      *types.Func
}

// sdkEntryOf returns the SDK call on a's witness, or false when the read is
// the package's own, or the path leaves the package through a function
// without a row.
func sdkEntryOf(a envaccess.Access) (sdkHop, bool) {
	path := a.Path
	j := len(path) - 1
	for j >= 0 && !path[j].Pos().IsValid() {
		j--
	}
	if j < 0 || j == len(path)-1 {
		return sdkHop{}, false
	}
	fn := path[j].Func()
	if e := sdks.Lookup(fn); e != nil {
		return sdkHop{j, e, false, fn}, true
	}
	if e := sdks.LookupAdapter(fn); e != nil {
		return sdkHop{j, e, true, fn}, true
	}
	return sdkHop{}, false
}

// SDKCalls finds the calls of a package by position and callee, built on
// first use, to tell which reads its calls into SDK entry points settle.
// The standalone driver uses it too, so that the whole-program view joins
// no settled read to a finding.
type SDKCalls struct {
	info  *types.Info
	files []*ast.File
	calls map[token.Pos][]*ast.CallExpr
}

// NewSDKCalls returns the SDKCalls of a package's files.
func NewSDKCalls(info *types.Info, files []*ast.File) *SDKCalls {
	return &SDKCalls{info: info, files: files}
}

// at returns the call starting at pos whose callee is fn (a chained call
// such as openai.NewClient().Models starts at the same position), or nil.
func (s *SDKCalls) at(pos token.Pos, fn *types.Func) *ast.CallExpr {
	if s.calls == nil {
		s.calls = map[token.Pos][]*ast.CallExpr{}
		for _, f := range s.files {
			ast.Inspect(f, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					s.calls[c.Pos()] = append(s.calls[c.Pos()], c)
				}
				return true
			})
		}
	}
	for _, c := range s.calls[pos] {
		if callee := typeutil.StaticCallee(s.info, c); callee != nil && callee.Origin() == fn.Origin() {
			return c
		}
	}
	return nil
}

// Settled reports whether a is a read of a constant name that its call
// into an SDK entry point gives explicitly: the SDK still reads the
// variable, but the explicit value overrides what it read, so nothing in
// the process environment reaches the client.
func (s *SDKCalls) Settled(a *envaccess.Access) bool {
	if a.Kind != envaccess.Read || a.From != envaccess.KeyConst {
		return false
	}
	h, ok := sdkEntryOf(*a)
	if !ok {
		return false
	}
	call := s.at(a.Path[h.index].Pos(), h.fn)
	return call != nil && h.entry.Settles(s.info, call, h.adapter, a.Key)
}

// unsettled returns the accesses less the reads their SDK calls settle,
// sharing the slice when none is dropped.
func (s *SDKCalls) unsettled(all []envaccess.Access) []envaccess.Access {
	for i := range all {
		if !s.Settled(&all[i]) {
			continue
		}
		out := append([]envaccess.Access(nil), all[:i]...)
		for j := i + 1; j < len(all); j++ {
			if !s.Settled(&all[j]) {
				out = append(out, all[j])
			}
		}
		return out
	}
	return all
}
