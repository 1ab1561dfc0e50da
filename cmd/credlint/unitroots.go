package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/credlint/credlint/cmd/credlint/internal/program"
)

// This file picks, among the outputs of the units that go vet ran or
// replayed (unitparts.go), those of the packages the patterns match, and
// checks that each has one. go vet runs a unit for every package in the
// program, and since its cache does not tell a unit run for facts from one
// run for diagnostics, every unit prints its result; the driver keeps the
// matched packages' and fails, rather than report nothing, when one is
// missing (go vet writes a unit's facts and its output to its cache one
// after the other, so a go vet killed in between leaves facts without
// output, which it then replays as an empty output).

// A unitKey names the unit that go vet runs for a matched package: its
// path (p, or p_test for the external tests) and whether it has test
// files (go vet analyses p with its in-package tests when it has some).
type unitKey struct {
	path string
	test bool
}

func (k unitKey) String() string {
	if k.test && !strings.HasSuffix(k.path, "_test") {
		return k.path + " (with its tests)"
	}
	return k.path
}

// findFields are the fields listRoots reads of go list -find -json.
const findFields = "ImportPath,Standard,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles"

// listRoots returns the units that go vet runs for diagnostics on
// patterns. go list -find does not load dependencies, so it costs little
// beside go vet; its $WORK, if any, is under work. A pattern that go list cannot resolve makes go vet fail,
// which the caller reports.
func listRoots(ctx context.Context, patterns []string, o *options, work string) (map[unitKey]bool, error) {
	args := []string{"list", "-e", "-find", "-json=" + findFields}
	if o.tags != "" {
		args = append(args, "-tags="+o.tags)
	}
	cmd := goCommand(ctx, append(args, patterns...)...)
	cmd.Env = goWorkEnv(work)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %v\n%s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	return decodeRoots(out)
}

// decodeRoots reads the output of go list -find -json=findFields.
func decodeRoots(out []byte) (map[unitKey]bool, error) {
	roots := map[unitKey]bool{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath                                   string
			Standard                                     bool
			GoFiles, CgoFiles, TestGoFiles, XTestGoFiles []string
		}
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			return roots, nil
		} else if err != nil {
			return nil, fmt.Errorf("go list: %v", err)
		}
		if builtinPackage(p.Standard, p.ImportPath) {
			continue
		}
		if len(p.GoFiles)+len(p.CgoFiles)+len(p.TestGoFiles) > 0 {
			roots[unitKey{p.ImportPath, len(p.TestGoFiles) > 0}] = true
		}
		if len(p.XTestGoFiles) > 0 {
			roots[unitKey{p.ImportPath + "_test", true}] = true
		}
	}
}

// builtinPackage reports whether the go command treats the package as
// built in: it has a Go file, for documentation, but nothing to compile,
// so go vet runs no unit for it (cmd/go: "built-in package").
func builtinPackage(standard bool, path string) bool {
	return standard && (path == "unsafe" || path == "builtin")
}

// matchedResults returns the results of the units that roots names, one
// each, sorted by ID. A unit without test files that is compiled against
// a test variant of an import ("p [q.test]") is a dependency's variant,
// not the matched package. It fails when a matched unit printed nothing.
func matchedResults(outs []unitOutput, roots map[unitKey]bool) ([]program.UnitResult, error) {
	seen := map[unitKey]bool{}
	var results []program.UnitResult
	for _, u := range outs {
		k := unitKey{u.Path, u.Test}
		if !roots[k] || seen[k] || u.Variant && !u.Test {
			continue
		}
		seen[k] = true
		results = append(results, u.UnitResult)
	}
	var missing []string
	for k := range roots {
		if !seen[k] {
			missing = append(missing, k.String())
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		return nil, fmt.Errorf("go vet printed no result for %s: go's cache holds facts without the output of the analysis (a go command killed while it wrote them); 'go clean -cache' removes them",
			strings.Join(missing, ", "))
	}
	slices.SortFunc(results, func(a, b program.UnitResult) int { return strings.Compare(a.ID, b.ID) })
	return results, nil
}
