package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// maxErrorsShown caps the errors listed per package; the type checker
// often cascades.
const maxErrorsShown = 10

// A pkgProblem gathers the errors of one package path (a package and its
// test variant share their files, so they share their errors).
type pkgProblem struct {
	id   string // package ID to report under
	path string
	errs []packages.Error
}

// checkLoaded records an error in r for each package that did not load
// cleanly, in words that say what to do, and returns the packages of roots
// that can be analysed. A root is not analysed when it has errors or
// imports a package with errors, except that a test variant that fails is
// replaced by its package without tests when that one is fine.
func checkLoaded(r *output.Report, analyzer string, pkgs []*packages.Package, roots []rootPkg, dir string) []*packages.Package {
	problems, byPath := gatherProblems(pkgs)
	clean := func(p *packages.Package) bool { return p != nil && len(p.Errors) == 0 && !p.IllTyped }

	var analyse []*packages.Package
	reported := map[string]bool{} // problem paths reported as roots
	for _, root := range roots {
		p := root.pkg
		var status string
		switch {
		case clean(p):
			analyse = append(analyse, p)
			continue
		case clean(root.plain):
			analyse = append(analyse, root.plain)
			status = "analysed without its tests: "
		default:
			status = "not analysed: "
		}
		if pr := byPath[p.PkgPath]; pr != nil && !onlyImportErrors(pr, byPath) {
			pr.id = p.ID
			reported[pr.path] = true
			addProblem(r, analyzer, pr, status, dir)
			continue
		}
		reported[p.PkgPath] = true
		bad := brokenImports(p, byPath)
		r.Errors = append(r.Errors, output.Error{
			Package:  p.ID,
			Analyzer: analyzer,
			Message: fmt.Sprintf("%sit imports packages that cannot be loaded or do not type-check: %s\n"+
				"\tFix those (see their errors), then run credlint again.", status, strings.Join(bad, ", ")),
		})
	}
	// The remaining problems are in dependencies; list them first, since
	// the roots' errors follow from them.
	var deps []output.Error
	for _, pr := range problems {
		if !reported[pr.path] {
			dr := &output.Report{}
			addProblem(dr, analyzer, pr, "", dir)
			deps = append(deps, dr.Errors...)
		}
	}
	r.Errors = append(deps, r.Errors...)
	return analyse
}

// gatherProblems returns the errors of pkgs and their dependencies,
// dependencies first, grouped by package path and without repeats. It
// leaves out generated test mains, and a compiler error list ("# path")
// whose every line go/packages also reports as a parse or type error. A
// list that says more is kept: with no C compiler, "# runtime/cgo" says
// `cgo: C compiler "cc" not found` while the type error only says
// "could not import C" (issue 16).
func gatherProblems(pkgs []*packages.Package) ([]*pkgProblem, map[string]*pkgProblem) {
	var list []*pkgProblem
	byPath := map[string]*pkgProblem{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Errors) == 0 || (p.Name == "main" && strings.HasSuffix(p.ID, ".test")) {
			return
		}
		pr := byPath[p.PkgPath]
		if pr == nil {
			pr = &pkgProblem{id: p.ID, path: p.PkgPath}
			byPath[p.PkgPath] = pr
			list = append(list, pr)
		}
		for _, e := range p.Errors {
			if repeatsSourceErrors(e, p.Errors) {
				continue
			}
			if !slices.ContainsFunc(pr.errs, func(x packages.Error) bool { return x.Pos == e.Pos && x.Msg == e.Msg }) {
				pr.errs = append(pr.errs, e)
			}
		}
	})
	return list, byPath
}

// repeatsSourceErrors reports whether e is a compiler error list
// ("# path" and one error a line) whose every line names one of the parse
// or type errors in errs.
func repeatsSourceErrors(e packages.Error, errs []packages.Error) bool {
	head, body, _ := strings.Cut(e.Msg, "\n")
	if e.Kind != packages.ListError || !strings.HasPrefix(head, "# ") {
		return false
	}
	for line := range strings.SplitSeq(strings.TrimSpace(body), "\n") {
		if !slices.ContainsFunc(errs, func(s packages.Error) bool {
			return (s.Kind == packages.ParseError || s.Kind == packages.TypeError) && strings.Contains(line, s.Msg)
		}) {
			return false
		}
	}
	return true
}

// onlyImportErrors reports whether every error of pr is a type error
// "could not import X" for a package X that has errors of its own: the
// package itself is fine, and its report names X instead.
func onlyImportErrors(pr *pkgProblem, byPath map[string]*pkgProblem) bool {
	for _, e := range pr.errs {
		x, ok := importedBroken(e)
		if !ok || byPath[x] == nil {
			return false
		}
	}
	return len(pr.errs) > 0
}

func importedBroken(e packages.Error) (string, bool) {
	rest, ok := strings.CutPrefix(e.Msg, "could not import ")
	if !ok || e.Kind != packages.TypeError {
		return "", false
	}
	path, _, _ := strings.Cut(rest, " ")
	return path, true
}

// brokenImports lists the packages with errors that p imports, directly
// or not, in a fixed order.
func brokenImports(p *packages.Package, byPath map[string]*pkgProblem) []string {
	var out []string
	packages.Visit([]*packages.Package{p}, nil, func(q *packages.Package) {
		if q != p && byPath[q.PkgPath] != nil && !slices.Contains(out, q.PkgPath) {
			out = append(out, q.PkgPath)
		}
	})
	if len(out) == 0 {
		out = []string{"(unknown)"}
	}
	return out
}

// addProblem records pr in r: status (for a root) and what is wrong, the
// errors with file names relative to dir, and what to do.
func addProblem(r *output.Report, analyzer string, pr *pkgProblem, status, dir string) {
	var b strings.Builder
	what, hint := diagnose(pr.errs)
	fmt.Fprintf(&b, "%sthe package %s:", status, what)
	for i, e := range pr.errs {
		if i == maxErrorsShown {
			fmt.Fprintf(&b, "\n\t(and %d more errors)", len(pr.errs)-i)
			break
		}
		b.WriteString("\n\t")
		if e.Pos != "" && e.Pos != "-" {
			b.WriteString(output.RelPath(dir, e.Pos) + ": ")
		}
		b.WriteString(strings.ReplaceAll(strings.TrimSpace(e.Msg), "\n", "\n\t"))
	}
	b.WriteString("\n\t" + hint)
	r.Errors = append(r.Errors, output.Error{Package: pr.id, Analyzer: analyzer, Message: b.String()})
}

// diagnose says what kind of problem errs show and what the user can do.
func diagnose(errs []packages.Error) (what, hint string) {
	if cacheTrouble(errs) {
		return "cannot be loaded from the Go build cache", "The cache lost entries while credlint ran (another go clean -cache?); run credlint again, or set GOCACHE to a private directory."
	}
	if cgoFailed(errs) {
		return "uses cgo, which did not run", "Install a C compiler or point CC at one (go env CC), or set CGO_ENABLED=0, then run credlint again."
	}
	kind := packages.UnknownError
	for _, e := range errs {
		if kind == packages.UnknownError || e.Kind < kind {
			kind = e.Kind // ListError < ParseError < TypeError: the earliest stage wins
		}
	}
	switch kind {
	case packages.ParseError:
		return "has syntax errors", "Fix them (gofmt -l lists the files), then run credlint again."
	case packages.TypeError:
		return "does not type-check", "Fix these errors (go build reports them too), then run credlint again."
	}
	msgs := ""
	for _, e := range errs {
		msgs += e.Msg + "\n"
	}
	has := func(subs ...string) bool {
		return slices.ContainsFunc(subs, func(sub string) bool { return strings.Contains(msgs, sub) })
	}
	switch {
	case has("go.mod file not found", "does not contain main module", "outside main module", "not in a module"):
		return "is not in a Go module", "Run credlint inside a module (go mod init creates one), with patterns such as ./... that stay inside it."
	case has("no Go files", "build constraints exclude all Go files"):
		return "has no Go files to analyse", "Check the package pattern; if its files have build tags, pass them with -tags."
	case has("no required module provides", "missing go.sum entry", "GOPROXY", "cannot find module",
		"unknown revision", "updates to go.mod needed", "go: inconsistent vendoring"):
		return "cannot be loaded (a module is missing or out of date)", "Add the module with go get (or run go mod tidy), then run credlint again."
	case has("creating work dir"):
		return "cannot be loaded: the go command cannot create its work directory", "Set TMPDIR (and GOTMPDIR, if set) to a writable directory, then run credlint again."
	case has("directory not found", "is not in std", "cannot find package", "malformed import path"):
		return "cannot be found", "Check the package pattern."
	}
	return "cannot be loaded", "Fix the problem (go build reports it too), then run credlint again."
}

// cgoFailed reports whether errs show that cgo did not run for the
// package: go list's "cgo: ..." error, or the type checker's "could not
// import C", which follows from it (for a package whose own go list
// error is missing, the package that has it is listed first).
func cgoFailed(errs []packages.Error) bool {
	for _, e := range errs {
		if strings.Contains(e.Msg, "\ncgo: ") || strings.HasPrefix(e.Msg, "cgo: ") ||
			e.Kind == packages.TypeError && strings.HasPrefix(e.Msg, "could not import C ") {
			return true
		}
	}
	return false
}

// cacheTrouble reports whether errs come from entries of the Go build cache
// that disappeared under the go command (another process cleaning or
// trimming it), which no change to the code fixes.
func cacheTrouble(errs []packages.Error) bool {
	for _, e := range errs {
		if strings.Contains(e.Msg, "cache entry not found") ||
			strings.Contains(e.Msg, string(filepath.Separator)+"go-build"+string(filepath.Separator)) && strings.Contains(e.Msg, "no such file or directory") {
			return true
		}
	}
	return false
}
