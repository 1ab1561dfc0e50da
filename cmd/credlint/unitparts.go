package main

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/cmd/credlint/internal/program"
	"github.com/credlint/credlint/passes/config"
	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// This file is the unit side of standalone credlint's go vet engine
// (vetengine.go). Run with -parts, a unit does not report its diagnostics
// to go vet: it prints its part of the whole-program findings on stdout,
// as one program.UnitResult in JSON, and exits 0. go vet caches that
// output with the facts, keyed on the package, its dependencies, the tool
// and its flags (-parts among them), and replays it on a rerun without
// running the unit again.

// partsFlag is the unit flag that selects this output. It is in the flags
// -flags lists, so that go vet passes it on; users have no reason to set it.
const partsFlag = "parts"

// unitConfig is the part of go vet's *.cfg file that a unit needs before
// unitchecker reads it.
type unitConfig struct {
	ID       string
	VetxOnly bool
}

// partsAnalyzer returns root, changed to report nothing and to print the
// unit's program.UnitResult instead, for the unit that cfgFile describes.
// A unit that only computes facts for its importers is left alone.
func partsAnalyzer(root *analysis.Analyzer, cfgFile string) (*analysis.Analyzer, error) {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return nil, err
	}
	var cfg unitConfig
	if err := json.Unmarshal(data, &cfg); err != nil {
		return nil, fmt.Errorf("cannot decode go vet's config file %s: %v", cfgFile, err)
	}
	if cfg.VetxOnly {
		return root, nil
	}
	wrapped := *root
	wrapped.Run = func(pass *analysis.Pass) (any, error) {
		var diags []analysis.Diagnostic
		quiet := *pass
		quiet.Report = func(d analysis.Diagnostic) { diags = append(diags, d) }
		if _, err := root.Run(&quiet); err != nil {
			return nil, err
		}
		if len(diags) == 0 {
			// Nothing to place: no need for the table, which costs the
			// driver a go list (clean code asks for none).
			return nil, json.NewEncoder(os.Stdout).Encode(program.UnitResult{ID: cfg.ID})
		}
		table, err := readTable()
		if err != nil {
			return nil, err
		}
		id := unitID(table, pass, cfg.ID)
		pkg := &packages.Package{ID: id, Name: pass.Pkg.Name(), PkgPath: pass.Pkg.Path(),
			Fset: pass.Fset, Syntax: pass.Files, Types: pass.Pkg, TypesInfo: pass.TypesInfo}
		u := &program.Unit{Pkg: pkg, Analyzer: root.Name, Diagnostics: diags}
		u.Roots, _ = pass.ResultOf[roots.Analyzer].(*roots.Result)
		u.Env, _ = pass.ResultOf[envaccess.Analyzer].(*envaccess.Result)
		cfgs, _ := pass.ResultOf[config.Analyzer].(*config.Config)
		p := program.FromTable(table, pass.Fset, []*packages.Package{pkg}, []*program.Unit{u}, cfgs)
		return nil, json.NewEncoder(os.Stdout).Encode(p.UnitResult(id))
	}
	// The whole-program formats list the findings a //credlint:ignore
	// covers as suppressed; the driver drops them from go vet's JSON tree.
	analyzer.KeepSuppressed = true
	return &wrapped, nil
}

// unitID returns the package ID of the unit that pass analyses as go list
// and the in-process engine name it: "p [p.test]" for a package with its
// in-package tests, where go vet's config says "p". It is the ID of the
// table's package with the unit's path whose files the unit has, the one
// with the most files (a test variant has the package's files and its
// tests'; cgo adds generated files to the unit's), or def.
func unitID(t *program.Table, pass *analysis.Pass, def string) string {
	files := map[string]bool{}
	for _, f := range pass.Files {
		files[pass.Fset.Position(f.Pos()).Filename] = true
	}
	id, most := def, 0
	for _, tp := range t.Packages {
		if tp.PkgPath != pass.Pkg.Path() || len(tp.Files) <= most {
			continue
		}
		if !slices.ContainsFunc(tp.Files, func(f string) bool { return !files[f] }) {
			id, most = tp.ID, len(tp.Files)
		}
	}
	return id
}
