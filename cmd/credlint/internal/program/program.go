// Package program is the standalone driver's whole-program view of
// credlint's findings.
//
// Under go vet, every package is analysed on its own and a finding is
// reported in the package that holds its root, once per root package, at
// the place in that package where the path leaves it. Standalone credlint
// loads every package at once, so it can do better: it follows a path
// into another package of the module to its access, and a write to the
// write, and reports each such access once, listing every concurrent root
// that reaches it with one witness each (place.go states the rule, which
// docs/rules.md gives for both placements). Accesses outside the module
// (an SDK's os.Getenv) stay where the path leaves the module. The
// witnesses run the whole way, from the root to the access, through other
// packages, third-party modules and the standard library, with each call
// resolved to its file, line and column.
//
// The findings themselves (which rule, which accesses count) are the
// analyzer's: this package only regroups its diagnostics and adds the
// witnesses of the other roots, from the results of the roots and
// envaccess passes. It also gives every finding a fingerprint that does not
// depend on line numbers (see fingerprint.go).
//
// It works in two steps (parts.go): each unit's parts, then their merge.
// In one process (New) both run over packages loaded with syntax and
// types; under go vet (FromTable) each unit makes its parts alone, reading
// other packages' files without types, and the driver merges them.
package program

import (
	"cmp"

	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/cmd/credlint/internal/output"
	"github.com/credlint/credlint/passes/config"
	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// A Program is the analysed packages with the results of their passes.
type Program struct {
	ix    *index
	units []*Unit
	cfg   *config.Config
	// sdkCalls tells, per unit, which reads its SDK calls settle, built on
	// first use (sdkentries.go).
	sdkCalls map[*Unit]*analyzer.SDKCalls
}

// New returns the whole-program view of units. pkgs are the packages the
// driver loaded (with their dependencies), in which witness paths are
// resolved; cfg classifies keys as the analyzer did.
func New(pkgs []*packages.Package, units []*Unit, cfg *config.Config) *Program {
	return &Program{ix: newIndex(pkgs), units: units, cfg: cfg}
}

// PerPackage returns the analyzer's diagnostics as they are, one finding
// each, as go vet shows them (for the -json tree).
func (p *Program) PerPackage() []output.Finding {
	var out []output.Finding
	for _, u := range p.units {
		for _, d := range u.Diagnostics {
			out = append(out, output.FromDiagnostic(u.Pkg.Fset, u.Pkg.ID, u.Analyzer, d))
		}
	}
	return out
}

// Findings returns the findings of the whole program, sorted by position,
// with their witnesses and fingerprints.
func (p *Program) Findings() []output.Finding { return Merge(p.Parts()) }

func compareFindings(a, b output.Finding) int {
	return cmp.Or(
		cmp.Compare(a.Posn.Filename, b.Posn.Filename),
		cmp.Compare(a.Posn.Line, b.Posn.Line),
		cmp.Compare(a.Posn.Column, b.Posn.Column),
		cmp.Compare(a.Category, b.Category),
		cmp.Compare(a.Message, b.Message),
	)
}

// matches reports whether access a of root r counts for rule, as the
// analyzer decides it (analyzer/check.go). A read counts for the rule
// analyzer.ReadRule gives it; racing says whether the diagnostic found a
// write the read races with.
func (p *Program) matches(rule string, u *Unit, r *roots.Root, a envaccess.Access, racing bool) bool {
	switch rule {
	case analyzer.RuleEnvWrite, analyzer.RuleWriteBeforeSubtests:
		return a.Kind == envaccess.Write
	case analyzer.RuleCredRead, analyzer.RuleRequestRead, analyzer.RuleSharedRead, analyzer.RuleDynamicRead:
		if a.Kind != envaccess.Read || analyzer.ReadRule(p.cfg, u.Pkg.Fset, r, a, racing) != rule {
			return false
		}
		if rule == analyzer.RuleCredRead && programName(u, r, a) {
			// The diagnostic's race is another read's: a name the program
			// builds joins it only if a write of the unit may touch it.
			return u.knownWrite(a)
		}
		return true
	case analyzer.RuleExecInherit, analyzer.RuleExecExposes:
		return a.Kind == envaccess.Inherit
	case analyzer.RuleTestSetenvParallel:
		return a.Kind == envaccess.TestSetenv
	case analyzer.RuleContextRead:
		return a.Kind == envaccess.Read
	}
	return false
}

// better reports whether a's witness is preferred over b's, by the
// analyzer's policy: shorter, then fewer dynamic calls, then source order.
func better(a, b envaccess.Access) bool {
	if len(a.Path) != len(b.Path) {
		return len(a.Path) < len(b.Path)
	}
	da, db := dynamicHops(a), dynamicHops(b)
	if da != db {
		return da < db
	}
	for i := range a.Path {
		if a.Path[i].At != b.Path[i].At {
			return compareAt(a.Path[i].At, b.Path[i].At) < 0
		}
	}
	return false
}

func dynamicHops(a envaccess.Access) int {
	n := 0
	for _, h := range a.Path {
		if h.Dynamic {
			n++
		}
	}
	return n
}

func compareAt(a, b string) int {
	fa, la, _ := splitAt(a)
	fb, lb, _ := splitAt(b)
	return cmp.Or(cmp.Compare(fa, fb), cmp.Compare(la, lb))
}
