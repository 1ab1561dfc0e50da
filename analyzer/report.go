package analyzer

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/internal/names"
	"github.com/credlint/credlint/passes/roots"
)

// reporter is the one place that builds analysis.Diagnostics: it trims
// ranges to the call, adds the witness as related information, skips
// generated files and excluded packages, and applies ignore directives.
//
// Under go vet the analyzer also runs on every dependency (it requires
// passes with facts) and its diagnostics there are dropped, so the
// reporter builds its indexes only when the first finding comes.
type reporter struct {
	pass      *analysis.Pass
	keep      bool                    // report suppressed findings too (see KeepingSuppressed)
	ends      map[token.Pos]token.Pos // start of a call or reference -> its end
	generated map[*token.File]bool
	ignores   *ignores
	fixer     *fixer
}

func newReporter(pass *analysis.Pass, keepSuppressed bool) *reporter {
	return &reporter{pass: pass, keep: keepSuppressed, ignores: parseIgnores(pass)}
}

// index builds the end positions, the generated files and the fixer.
func (r *reporter) index() {
	if r.ends != nil {
		return
	}
	r.ends, r.generated = map[token.Pos]token.Pos{}, map[*token.File]bool{}
	for _, f := range r.pass.Files {
		if IsGenerated(r.pass.Fset, f) {
			r.generated[r.pass.Fset.File(f.Pos())] = true
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.CallExpr, *ast.SelectorExpr, *ast.Ident, *ast.FuncLit, *ast.GoStmt:
				if _, seen := r.ends[n.Pos()]; !seen {
					r.ends[n.Pos()] = n.End()
				}
			}
			return true
		})
	}
	r.fixer = newFixer(r.pass)
}

// report emits one finding unless an ignore directive covers it.
func (r *reporter) report(f *finding) {
	r.index()
	if r.generated[r.pass.Fset.File(f.pos)] {
		return
	}
	related := r.related(f)
	if d := r.ignores.covers(r.pass.Fset.Position(f.pos), f.rule); d != nil {
		if !r.keep {
			return
		}
		related = append(related, analysis.RelatedInformation{Pos: d.pos,
			Message: "suppressed by " + ignorePrefix + " " + d.rule + ": " + d.reason})
	}
	fixes := r.fixer.fixes(f)
	h, sdk := sdkReadHop(f)
	if sdk {
		f.note = r.fixer.sdkNote(f, h, len(fixes) > 0) // what the SDK's row offers
	}
	msg := message(f, r.pass.Pkg)
	if !sdk && len(fixes) == 0 {
		msg += r.fixer.noFixHint(f)
	}
	r.pass.Report(analysis.Diagnostic{
		Pos:            f.pos,
		End:            r.ends[f.pos],
		Category:       f.rule,
		Message:        msg,
		Related:        related,
		SuggestedFixes: fixes,
	})
}

// related renders the witness, one entry per hop, root first. Hops inside
// other packages point at the declaration of the function the path enters
// them through, and name their own file:line.
func (r *reporter) related(f *finding) []analysis.RelatedInformation {
	out := []analysis.RelatedInformation{{Pos: f.root.Pos, Message: RootStart(f.root)}}
	path := f.access.Path
	anchor := token.NoPos
	if fn := f.root.Func; fn != nil && fn.Pkg() != r.pass.Pkg {
		anchor = fn.Pos() // the root's body is in another package
	}
	for i, h := range path {
		pos, msg := h.Pos(), "calls "+LocalName(h.Callee, r.pass.Pkg)
		if i == len(path)-1 {
			msg = h.Callee + " called here"
			if n := f.access.Elided; n > 0 && anchor.IsValid() {
				// The calls between the last one kept and the access.
				out = append(out, analysis.RelatedInformation{Pos: anchor, End: r.ends[anchor], Message: ElidedHops(n)})
			}
		}
		if pos.IsValid() {
			if fn := h.Func(); fn != nil && fn.Pkg() != r.pass.Pkg && fn.Pos().IsValid() {
				anchor = fn.Pos()
			} else {
				anchor = pos
			}
		} else {
			pos = anchor
			msg += " at " + h.At
		}
		if !pos.IsValid() {
			continue
		}
		out = append(out, analysis.RelatedInformation{Pos: pos, End: r.ends[pos], Message: msg})
	}
	return out
}

// RootStart says where a root starts, the first entry of a witness.
func RootStart(root *roots.Root) string {
	if root.Via == viaContextRead {
		return "in " + root.Name
	}
	switch root.Kind {
	case roots.HTTPHandler:
		if root.Via == "ServeHTTP method" {
			return "HTTP handler " + root.Name
		}
		return root.Label() + " registered here"
	case roots.Goroutine:
		return "goroutine started here"
	case roots.MainAfterGo:
		who := root.Name // "func literal in main", "subtest of TestX"
		if !strings.Contains(who, " ") {
			who = names.Short(who) // "main", "Execute"
		}
		if root.Via == "go statement" {
			return who + " starts a goroutine here; what follows runs alongside it"
		}
		return who + " calls " + root.Via + ", which starts a goroutine; what follows runs alongside it"
	case roots.Spawned:
		if m, ok := strings.CutPrefix(root.Via, roots.ViaIfaceCall); ok {
			return "handed here to goroutines that call " + m
		}
		return "goroutine started here by " + root.Via
	case roots.RPCMethod:
		return root.Label() + " " + root.Name
	case roots.Scheduled:
		return root.Label() + " scheduled here by " + root.Via
	case roots.ParallelTest:
		if root.Via == viaSerialParent {
			return "serial test " + root.Name
		}
		if root.Via == "t.Run" {
			return "parallel subtest started here"
		}
		return "parallel test " + root.Name
	}
	return "concurrent root"
}
