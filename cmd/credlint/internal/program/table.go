package program

import (
	"go/token"

	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
	"github.com/credlint/credlint/passes/config"
)

// A Table lists the packages of a program and their files. Under go vet a
// unit has the syntax and types of its own package only; the driver runs
// go list once, writes the table, and each unit resolves the witness
// paths through other packages (the module's, third-party modules', the
// standard library's) by parsing their files when a path names them.
type Table struct {
	Packages []TablePackage
}

// A TablePackage is one package of a Table.
type TablePackage struct {
	ID      string // e.g. "example.com/m" or "example.com/m [example.com/m.test]"
	PkgPath string
	ForTest string        // for a test variant, the package under test
	Origin  output.Origin // whose code it is: OriginUser for every main module's package
	Files   []string      // absolute names of its Go files
}

// FromTable returns the whole-program view of units whose packages typed
// holds with syntax and types; the other files of t are parsed when a
// witness path names them. fset is typed's file set, to which those files
// are added.
func FromTable(t *Table, fset *token.FileSet, typed []*packages.Package, units []*Unit, cfg *config.Config) *Program {
	ix := &index{fset: fset, files: map[string]*fileInfo{}, byAt: map[string]*fileInfo{}}
	for _, tp := range t.Packages {
		for _, name := range tp.Files {
			if _, dup := ix.files[name]; dup && tp.ForTest != "" {
				continue // keep the plain package's copy when a test variant repeats it
			}
			ix.add(&fileInfo{name: name, pkgID: tp.ID, pkgPath: tp.PkgPath, origin: tp.Origin})
		}
	}
	for _, p := range typed {
		for _, f := range p.Syntax {
			name := fset.Position(f.Pos()).Filename
			fi := ix.files[name]
			if fi == nil {
				fi = &fileInfo{name: name, pkgID: p.ID, pkgPath: p.PkgPath, origin: output.OriginUser}
				ix.add(fi)
			}
			fi.setSyntax(fset, f, p.TypesInfo)
		}
	}
	return &Program{ix: ix, units: units, cfg: cfg}
}

// A UnitResult is what a unit run under go vet for standalone credlint
// prints on stdout, as one JSON value: its parts of the whole-program
// findings, and its diagnostics as go vet shows them (for -json).
type UnitResult struct {
	ID         string // the unit's package ID
	Parts      []Part
	PerPackage []output.Finding
}

// UnitResult returns p's result as the unit id.
func (p *Program) UnitResult(id string) UnitResult {
	return UnitResult{ID: id, Parts: p.Parts(), PerPackage: p.PerPackage()}
}
