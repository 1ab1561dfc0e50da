package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/credlint/credlint/cmd/credlint/internal/baseline"
	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// This file holds what standalone credlint does for CI gates: the baseline
// (-write-baseline, -baseline) and the files a pull request changed
// (-changed-from).

// writeBaseline writes the findings of r to the baseline file path,
// keeping the comments of the entries that were there, and returns the
// exit code: 0, or 1 when the file cannot be written or some packages
// could not be analysed (their findings would be missing from it).
func writeBaseline(path string, r *output.Report, srcRoot string, stderr io.Writer) int {
	old, err := baseline.Read(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		old = nil
	case err != nil:
		fmt.Fprintf(stderr, "%s: -write-baseline: %v\n", progname, err)
		return exitError
	}
	b := baseline.FromReport(r, srcRoot, old)
	if err := b.WriteFile(path); err != nil {
		fmt.Fprintf(stderr, "%s: -write-baseline: %v\n", progname, err)
		return exitError
	}
	fmt.Fprintf(stderr, "%s: wrote %d entries to the baseline %s\n", progname, len(b.Entries), path)
	if len(r.Errors) > 0 {
		fmt.Fprintf(stderr, "%s: the baseline lacks the findings of the packages that could not be analysed\n", progname)
		return exitError
	}
	return exitOK
}

// applyBaseline marks the findings of r that the baseline file path lists.
func applyBaseline(path string, r *output.Report) error {
	b, err := baseline.Read(path)
	if err != nil {
		return err
	}
	baseline.Apply(b, filepath.Base(path), r)
	return nil
}

// reportBaseline says on w how many findings the baseline hid, and lists
// the baseline entries that matched no finding.
func reportBaseline(w io.Writer, path string, r *output.Report) {
	hidden := 0
	for _, f := range r.Findings {
		if f.Baseline == output.BaselineUnchanged {
			hidden++
		}
	}
	if hidden > 0 {
		fmt.Fprintf(w, "%s: %d findings are listed in the baseline %s and do not count\n", progname, hidden, path)
	}
	if len(r.Stale) == 0 {
		return
	}
	fmt.Fprintf(w, "%s: %d entries of the baseline %s match no finding any more; remove them (or rewrite the file with -write-baseline=%s):\n",
		progname, len(r.Stale), path, path)
	for _, s := range r.Stale {
		fmt.Fprintf(w, "\t[%s] %s: %s, %s\n", s.Fingerprint, s.Rule, s.Root, s.Access)
	}
}

// changedFiles returns the files changed since rev, as slash-separated
// paths relative to srcRoot: committed changes since the merge base of rev
// and HEAD (what a pull request changes), and uncommitted ones. It returns
// nil when rev is empty.
func changedFiles(srcRoot, rev string) (map[string]bool, error) {
	if rev == "" {
		return nil, nil
	}
	base := rev
	if out, err := git(srcRoot, "merge-base", rev, "HEAD"); err == nil {
		base = strings.TrimSpace(out) // a shallow clone may have no merge base: compare with rev
	}
	out, err := git(srcRoot, "diff", "--name-only", "--no-renames", base, "--")
	if err != nil {
		return nil, err
	}
	changed := map[string]bool{}
	for _, line := range strings.Split(out, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			changed[line] = true
		}
	}
	return changed, nil
}

// git runs git in dir and returns its output, or an error with its stderr.
func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}
