package main

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

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
// as one unitOutput in JSON, and exits 0. go vet caches that output with
// the facts, keyed on the package, its dependencies, the tool and its
// flags (-parts among them, so a plain go vet run never shares a key with
// the driver's), and replays it on a rerun without running the unit.
//
// go vet's key does not say whether the unit ran for facts only (a
// dependency, VetxOnly) or for its diagnostics (a package the patterns
// match): a package first analysed as a dependency and later matched
// replays the dependency's empty output (issue 16). So every unit prints
// its complete result, whatever it ran for, and the driver keeps the
// results of the packages it matched (unitroots.go). A unit that cannot
// compute its result exits 1, so that go vet caches nothing for it.

// partsFlag is the unit flag that selects this output. It is in the flags
// -flags lists, so that go vet passes it on; users have no reason to set it.
const partsFlag = "parts"

// unitConfig is the part of go vet's *.cfg file that a unit needs before
// unitchecker reads it.
type unitConfig struct {
	ID         string
	ImportPath string
	GoFiles    []string
	ImportMap  map[string]string
}

// unitOutput is what a unit prints: its result, and what the driver needs
// to tell the unit of a matched package from other variants of the same
// package (unitroots.go).
type unitOutput struct {
	program.UnitResult
	Path    string // the package path go vet gives the unit (p_test for external tests)
	Test    bool   // the unit has _test.go files
	Variant bool   // the unit is compiled against a test variant of an import ("p [q.test]")
}

// newUnitOutput returns the unitOutput of the unit cfg describes, without
// its result.
func newUnitOutput(cfg *unitConfig) unitOutput {
	u := unitOutput{UnitResult: program.UnitResult{ID: cfg.ID}, Path: cfg.ImportPath}
	u.Test = slices.ContainsFunc(cfg.GoFiles, func(f string) bool { return strings.HasSuffix(f, "_test.go") })
	for _, to := range cfg.ImportMap {
		u.Variant = u.Variant || strings.Contains(to, " [")
	}
	return u
}

// partsAnalyzer returns root, changed to report nothing and to print the
// unit's unitOutput instead, for the unit that cfgFile describes.
func partsAnalyzer(root *analysis.Analyzer, cfgFile string) (*analysis.Analyzer, error) {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return nil, err
	}
	var cfg unitConfig
	if err := json.Unmarshal(data, &cfg); err != nil {
		return nil, fmt.Errorf("cannot decode go vet's config file %s: %v", cfgFile, err)
	}
	// The whole-program formats list the findings a //credlint:ignore
	// covers as suppressed; the driver drops them from go vet's JSON tree.
	keep := keepingSuppressed(root)
	wrapped := *root
	wrapped.Run = func(pass *analysis.Pass) (any, error) {
		out, err := unitParts(keep, pass, &cfg)
		if err == nil {
			err = json.NewEncoder(os.Stdout).Encode(out)
		}
		if err != nil {
			// Exit now: unitchecker would exit 0 for a unit that runs for
			// facts only, and go vet would cache the missing result.
			fmt.Fprintf(os.Stderr, "%s: %s: %v\n", progname, cfg.ImportPath, err)
			os.Exit(exitError)
		}
		return nil, nil
	}
	return &wrapped, nil
}

// unitParts runs root on pass and returns the unit's output.
func unitParts(root *analysis.Analyzer, pass *analysis.Pass, cfg *unitConfig) (unitOutput, error) {
	out := newUnitOutput(cfg)
	var diags []analysis.Diagnostic
	quiet := *pass
	quiet.Report = func(d analysis.Diagnostic) { diags = append(diags, d) }
	if _, err := root.Run(&quiet); err != nil {
		return out, err
	}
	if len(diags) == 0 {
		// Nothing to place: no need for the table, which costs the
		// driver a go list (clean code asks for none).
		return out, nil
	}
	table, err := readTable()
	if err != nil {
		return out, err
	}
	id := unitID(table, pass, cfg.ID)
	pkg := &packages.Package{ID: id, Name: pass.Pkg.Name(), PkgPath: pass.Pkg.Path(),
		Fset: pass.Fset, Syntax: pass.Files, Types: pass.Pkg, TypesInfo: pass.TypesInfo}
	if m := pass.Module; m != nil {
		pkg.Module = &packages.Module{Path: m.Path, Version: m.Version, Main: m.Main}
	}
	u := &program.Unit{Pkg: pkg, Analyzer: root.Name, Diagnostics: diags}
	u.Roots, _ = pass.ResultOf[roots.Analyzer].(*roots.Result)
	u.Env, _ = pass.ResultOf[envaccess.Analyzer].(*envaccess.Result)
	cfgs, _ := pass.ResultOf[config.Analyzer].(*config.Config)
	p := program.FromTable(table, pass.Fset, []*packages.Package{pkg}, []*program.Unit{u}, cfgs)
	out.UnitResult = p.UnitResult(id)
	return out, nil
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

// keepingSuppressed returns the analyzer that reports root's findings
// with those a //credlint:ignore directive covers: credlint's own
// analyzer.KeepingSuppressed for analyzer.Analyzer, root itself for any
// other root (tests).
func keepingSuppressed(root *analysis.Analyzer) *analysis.Analyzer {
	if root == analyzer.Analyzer {
		return analyzer.KeepingSuppressed
	}
	return root
}
