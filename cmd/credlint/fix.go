package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
)

// applyFixes implements standalone -fix and -diff by running go vet with
// this binary as the vet tool: go vet applies every diagnostic's first
// suggested fix, merges identical edits (two fixes adding one import),
// drops fixes that conflict, removes imports left unused and reformats the
// files. With diff it prints the patch instead of writing files.
//
// The analyzer flags the user set are passed on; -tags is passed as go
// vet's own flag. go vet always includes test files. Exit status: 0 when
// the fixes were applied (or there were none), 3 when -diff printed a
// patch, 1 on errors.
func applyFixes(fs *flag.FlagSet, lifted []liftedFlag, o *options, patterns []string, stdout, stderr io.Writer) int {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "%s: -fix: cannot find this executable: %v\n", progname, err)
		return exitError
	}
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
	cmd := exec.Command("go", append(args, patterns...)...)
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
		fmt.Fprintf(stderr, "%s: applied the suggested fixes; run %s again for the findings that have none\n", progname, progname)
		if !requiresShim() {
			fmt.Fprintf(stderr, "%s: the fixes import %s, which this module does not require yet:\n"+
				"\tgo mod edit -require=%s@v0.0.0 -replace=%s=/path/to/credlint/profileenv\n"+
				"\t(see the README, Fixes), then go build\n", progname, shimModule, shimModule, shimModule)
		}
		return exitOK
	case err == nil:
		return exitOK
	case errors.As(err, &exit) && o.diff && patch.Len() > 0:
		return exitFindings // go vet -diff exits 1 when the patch is not empty
	case errors.As(err, &exit):
		return exitError
	}
	fmt.Fprintf(stderr, "%s: -fix: running go vet: %v\n", progname, err)
	return exitError
}

// shimModule is the module of the runtime shim the fixes import.
const shimModule = "github.com/credlint/credlint/profileenv"

// requiresShim reports whether the module in the current directory has the
// shim in its build list (go list -m fails when it has not).
func requiresShim() bool {
	return exec.Command("go", "list", "-m", shimModule).Run() == nil
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
