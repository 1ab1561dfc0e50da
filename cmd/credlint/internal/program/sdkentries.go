package program

import (
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/cmd/credlint/internal/audit"
	"github.com/credlint/credlint/cmd/credlint/internal/output"
	"github.com/credlint/credlint/internal/names"
	"github.com/credlint/credlint/internal/sdks"
	"github.com/credlint/credlint/passes/envaccess"
)

// This file adds to the inventory what issue 14's audit asks: which SDK
// entry points read a credential, and whether each accepts it explicitly
// (a row in sdks.Table: "explicit: <adapter option>") or reads only the
// environment ("env only"); and how many credential reads on concurrent
// paths a fix can move to the context (a read with a profileenv twin, or
// a call of an SDK entry point with a row) and how many need manual work.

// sdkCall is where a read's witness leaves the program's own code.
type sdkCall struct {
	own   bool         // the read is the program's own (the access hop is in user code)
	fn    *types.Func  // the function the path enters third-party code through, or nil
	frame output.Frame // the call of fn
	entry *sdks.Entry  // fn's row, or nil
	// settled: the call passes the key explicitly (sdks.Entry.Settles).
	settled bool
}

// leaveProgram finds the last hop of a's witness whose call is in the
// program's own module and classifies the read there.
func (p *Program) leaveProgram(a envaccess.Access) (sdkCall, bool) {
	path := a.Path
	for i := len(path) - 1; i >= 0; i-- {
		h := path[i]
		f := p.hopFrame(h.At, h.Callee, "calls "+h.Callee)
		if f.Origin != output.OriginUser {
			continue
		}
		if i == len(path)-1 {
			return sdkCall{own: true, frame: f}, true
		}
		if a.Elided > 0 && i == len(path)-2 {
			return sdkCall{}, false // the callee is not the next hop's holder
		}
		return p.classifyCall(h, f, a), true
	}
	return sdkCall{}, false
}

// classifyCall resolves the callee of hop h (a call in user code into
// another module) and looks up its row.
func (p *Program) classifyCall(h envaccess.Hop, f output.Frame, a envaccess.Access) sdkCall {
	c := sdkCall{frame: f}
	file, line, ok := splitAt(h.At)
	fi := p.ix.fileAt(file)
	if !ok || fi == nil || fi.info == nil {
		return c
	}
	call := fi.findCall(line, h.Callee)
	if call == nil {
		return c
	}
	c.fn = typeutil.StaticCallee(fi.info, call)
	if c.fn == nil || c.fn.Pkg() == nil {
		return c
	}
	adapter := false
	if c.entry = sdks.Lookup(c.fn); c.entry == nil {
		c.entry, adapter = sdks.LookupAdapter(c.fn), true
	}
	if c.entry != nil && a.From == envaccess.KeyConst {
		c.settled = c.entry.Settles(fi.info, call, adapter, a.Key)
	}
	return c
}

// sdkInventory collects the entry points and the fixable and manual
// counts while the inventory is built.
type sdkInventory struct {
	entries map[string]*audit.EntryPoint
	reads   map[string]bool // concurrent credential reads already counted, by key and site
	inv     *audit.Inventory
}

// add records a credential read a, reached from a root when reached is
// set. A read through an entry point with a row can be fixed
// automatically when the row's adapter supplies its variable; one the
// adapter does not supply needs manual work even after the fix.
func (s *sdkInventory) add(p *Program, a envaccess.Access, reached bool) {
	if a.Kind != envaccess.Read || a.From != envaccess.KeyConst || !p.cfg.IsCredential(a.Key) {
		return
	}
	c, ok := p.leaveProgram(a)
	if !ok {
		return
	}
	if c.fn != nil && !c.own && !isStdlib(c.fn.Pkg().Path()) {
		s.addEntry(c, a.Key)
	}
	if !reached || c.settled {
		return
	}
	site := a.Key + "|" + c.frame.Posn.String()
	if s.reads[site] {
		return
	}
	s.reads[site] = true
	if c.own && analyzer.HasShimTwin(a.Op) || c.entry != nil && slices.Contains(c.entry.Keys, a.Key) {
		s.inv.Fixable++
	} else {
		s.inv.Manual++
	}
}

// addEntry lists the entry point c calls as one that reads key.
func (s *sdkInventory) addEntry(c sdkCall, key string) {
	name := names.Func(c.fn, nil)
	e := s.entries[name]
	if e == nil {
		e = &audit.EntryPoint{Function: name, Frame: c.frame}
		if c.entry != nil {
			e.Explicit = c.entry.AdapterCall()
		}
		s.entries[name] = e
	}
	if !slices.Contains(e.Keys, key) {
		e.Keys = append(e.Keys, key)
	}
}

// finish puts the entry points into the inventory.
func (s *sdkInventory) finish() {
	for _, e := range s.entries {
		slices.Sort(e.Keys)
		s.inv.EntryPoints = append(s.inv.EntryPoints, *e)
	}
}

// isStdlib reports whether a package path is the standard library's: its
// first element has no dot.
func isStdlib(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// settledRead reports whether read a of unit u is one that its call into
// an SDK entry point gives explicitly, as the analyzer decides it
// (analyzer.SDKCalls): such a read joins no finding.
func (p *Program) settledRead(u *Unit, a envaccess.Access) bool {
	if a.Kind != envaccess.Read || u.Pkg.TypesInfo == nil {
		return false
	}
	if p.sdkCalls == nil {
		p.sdkCalls = map[*Unit]*analyzer.SDKCalls{}
	}
	s := p.sdkCalls[u]
	if s == nil {
		s = analyzer.NewSDKCalls(u.Pkg.TypesInfo, u.Pkg.Syntax)
		p.sdkCalls[u] = s
	}
	return s.Settled(&a)
}
