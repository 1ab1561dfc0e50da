package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/internal/sdks"
)

// applyFixes implements standalone -fix and -diff by running go vet with
// this binary as the vet tool: go vet applies every diagnostic's first
// suggested fix, merges identical edits (two fixes adding one import),
// drops fixes that conflict, removes imports left unused and reformats the
// files. With diff it prints the patch instead of writing files.
//
// The analyzer flags the user set are passed on; -tags is passed as go
// vet's own flag. go vet always includes test files. Exit status, as the
// findings say (issue 16): with -diff, 3 when it printed a patch or a
// finding remains without a fix (listed on stderr), 0 when there are no
// findings; with -fix, as the findings that remain say (fixesApplied);
// 1 on errors.
func applyFixes(root *analysis.Analyzer, fs *flag.FlagSet, lifted []liftedFlag, o *options, patterns []string, stdout, stderr *os.File) int {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "%s: -fix: cannot find this executable: %v\n", progname, err)
		return exitError
	}
	// -diff applies nothing, and without the shim in its build list the
	// fixed module does not build until the user adds it: in both cases,
	// find what the fixes leave before applying them.
	var before *runResult
	missing := missingFixModules()
	if o.diff || len(missing) > 0 {
		if before, _ = analyseFindings(root, patterns, o, io.Discard); before == nil {
			return analyse(root, patterns, o, stdout, stderr) // names the problems
		}
	}
	var snap fileSnapshot
	if before != nil && !o.diff {
		snap = snapshotFiles(unfixed(before, o))
	}
	cmd := goCommand(context.Background(), fixArgs(fs, lifted, o, exe, patterns)...)
	var patch bytes.Buffer
	cmd.Stdout, cmd.Stderr = &patch, stderr
	if !o.diff {
		cmd.Stdout = io.MultiWriter(stdout, &patch)
	}
	err = cmd.Run()
	if o.diff && patch.Len() > 0 {
		if code, ok := printPatch(patch.Bytes(), stdout, stderr); !ok {
			return code
		}
	}
	var exit *exec.ExitError
	switch {
	case err == nil && !o.diff:
		return fixesApplied(root, patterns, o, before, snap, missing, stdout, stderr)
	case err == nil, errors.As(err, &exit) && o.diff && patch.Len() > 0:
		// go vet -diff exits 1 when the patch is not empty.
		return diffLeaves(before, patch.Len() > 0, o, stderr)
	case errors.As(err, &exit):
		return exitError
	}
	fmt.Fprintf(stderr, "%s: -fix: running go vet: %v\n", progname, err)
	return exitError
}

// diffLeaves lists on stderr the findings the printed patch does not fix
// and returns the exit code: 3 when there is a patch or a finding.
func diffLeaves(before *runResult, patched bool, o *options, stderr *os.File) int {
	left := unfixed(before, o)
	why := leftWhy(len(left), patched)
	code := reportLeft(stderr, stderr, left, before, o, why)
	if code == exitOK && patched {
		return exitFindings // the patch fixes findings
	}
	return code
}

// leftWhy says why n findings are listed after the fixes. With fixes
// applied or printed (fixed), a finding without a fix of its own may
// still go with them (a read that raced with a swap the fixes remove),
// which only analysing the fixed code can tell.
func leftWhy(n int, fixed bool) string {
	switch {
	case !fixed && n == 1:
		return "has no fix and remains"
	case !fixed:
		return "have no fix and remain"
	case n == 1:
		return "has no fix of its own, so it may remain after the fixes"
	}
	return "have no fix of their own, so they may remain after the fixes"
}

// fixArgs returns the arguments of go vet -fix for the user's flags.
func fixArgs(fs *flag.FlagSet, lifted []liftedFlag, o *options, exe string, patterns []string) []string {
	args := []string{"vet", "-vettool=" + exe, "-fix"}
	if o.diff {
		args = append(args, "-diff")
	}
	if o.tags != "" {
		args = append(args, "-tags="+o.tags)
	}
	isLifted := map[string]bool{}
	for _, f := range lifted {
		isLifted[f.Name] = true
	}
	fs.Visit(func(f *flag.Flag) {
		if isLifted[f.Name] {
			args = append(args, "-"+f.Name+"="+f.Value.String())
		}
	})
	return append(args, patterns...)
}

// fixesApplied reports what remains after go vet applied the fixes, and
// returns the exit code the remaining findings call for. A fix removes
// one finding at most, and some findings have none: a -fix run that
// leaves a race must not pass a gate. When the module requires the shim,
// it analyses the fixed code; otherwise that code does not build yet, and
// the findings that remain are those of before without a fix, moved to
// where their lines are in the fixed files (snap holds the files as they
// were).
func fixesApplied(root *analysis.Analyzer, patterns []string, o *options, before *runResult, snap fileSnapshot, missing []string, stdout, stderr *os.File) int {
	if before == nil {
		fmt.Fprintf(stderr, "%s: applied the suggested fixes; the findings that remain:\n", progname)
		return analyse(root, patterns, o, stdout, stderr)
	}
	left := snap.moved(unfixed(before, o))
	fixed := len(left) < len(dropFindingsIn(before.report.Counted(), o.excludes))
	if !fixed { // nothing was rewritten, so nothing imports the shim yet
		return reportLeft(stdout, stderr, left, before, o, leftWhy(len(left), fixed))
	}
	if len(missing) == 0 {
		missing = []string{shimModule} // only -diff gets here without one
	}
	var hints strings.Builder
	for _, m := range missing {
		hint := shimHint(debug.ReadBuildInfo())
		if m != shimModule { // an SDK's adapter, a module of its own
			hint = "go mod edit -require=" + m + "@v0.0.0 -replace=" + m + "=/path/to/credlint/" + strings.TrimPrefix(m, "github.com/credlint/credlint/")
		}
		fmt.Fprintf(&hints, "\t%s\n", hint)
	}
	fmt.Fprintf(stderr, "%s: applied the suggested fixes; they may import %s, which this module does not require yet:\n"+
		"%s\t(see the README, Fixes), then go mod tidy (it raises this module's go line\n"+
		"\tif profileenv needs a newer one) and go build\n", progname, strings.Join(missing, ", "), hints.String())
	return reportLeft(stdout, stderr, left, before, o, leftWhy(len(left), fixed))
}

// shimModule is the module of the runtime shim the fixes import.
const shimModule = "github.com/credlint/credlint/profileenv"

// shimHint is the command that adds the shim to the user's module. A
// credlint installed by version was built with the shim of its release
// (the released modules require each other at one version): go get that
// version. A checkout build has it from the workspace, which a user's
// module can only point at with a replace.
func shimHint(bi *debug.BuildInfo, ok bool) string {
	if ok {
		for _, d := range bi.Deps {
			if d.Path == shimModule && d.Replace == nil && released(d.Version) {
				return "go get " + shimModule + "@" + d.Version
			}
		}
	}
	return "go mod edit -require=" + shimModule + "@v0.0.0 -replace=" + shimModule + "=/path/to/credlint/profileenv"
}

// missingFixModules returns the modules the fixes may import that the
// module in the current directory does not have in its build list: the
// shim, and the adapter of each SDK of sdks.Table that it requires (issue
// 14). When go list fails, it returns the shim alone.
func missingFixModules() []string {
	var sdkOf []string // the SDK module of each adapter, by index
	paths := []string{shimModule}
	for _, e := range sdks.Table {
		if !slices.Contains(paths, e.Adapter) {
			paths = append(paths, e.Adapter)
			sdkOf = append(sdkOf, e.Module())
		}
	}
	paths = append(paths, sdkOf...)
	out, err := exec.Command("go", append([]string{"list", "-m", "-e", "-f",
		"{{.Path}} {{if .Error}}missing{{else if .Indirect}}indirect{{end}}"}, paths...)...).Output()
	if err != nil {
		return []string{shimModule}
	}
	state := map[string]string{} // "missing", "indirect" or "" (required)
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, st, _ := strings.Cut(line, " ")
		state[path] = st
	}
	return fixModulesMissing(paths[:len(paths)-len(sdkOf)], sdkOf, state)
}

// fixModulesMissing picks the missing modules (state "missing"): the shim
// (first of fix), and each adapter fix[i+1] whose SDK sdkOf[i] the module
// requires itself (state "", not "indirect": only then can its code call
// the SDK, and its fixes import the adapter).
func fixModulesMissing(fix, sdkOf []string, state map[string]string) []string {
	var out []string
	if state[fix[0]] == "missing" {
		out = append(out, fix[0])
	}
	for i, adapter := range fix[1:] {
		if sdk, ok := state[sdkOf[i]]; state[adapter] == "missing" && ok && sdk == "" {
			out = append(out, adapter)
		}
	}
	return out
}

// printPatch prints go vet's patch relative to the module root (or the
// current directory outside a module). It reports false, with the exit
// code, when the patch cannot be read; the patch is then printed as go vet
// wrote it, so nothing is lost.
func printPatch(patch []byte, stdout, stderr io.Writer) (int, bool) {
	root := mainModuleDir()
	if root == "" {
		root, _ = os.Getwd()
	}
	rel, err := relativePatch(patch, root)
	if err != nil {
		stdout.Write(patch)
		fmt.Fprintf(stderr, "%s: -diff: %v; printed it with absolute paths\n", progname, err)
		return exitError, false
	}
	stdout.Write(rel)
	return 0, true
}
