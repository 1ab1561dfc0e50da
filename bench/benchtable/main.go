// Command benchtable renders the tables of a bench/run.sh run.
//
//	go run ./bench/benchtable OUTDIR
//
// It reads OUTDIR/results.tsv (one line per timed run: tree, tool, kind,
// round, wall s, user s, sys s, peak RSS KiB, GOCACHE bytes, facts bytes,
// packages with facts, exit status; "-" where a column does not apply) and
// OUTDIR/meta.tsv (one line per tree: name, label, packages analysed, lines
// of the main module, of other modules, of the standard library), and
// prints four Markdown tables on stdout:
//
//  1. under go vet -vettool: credlint against the noop floor, cold,
//     compile-cached and warm, with ratios;
//  2. the sizes: peak RSS, GOCACHE, credlint's facts and facts per package;
//  3. the standalone tools: credlint, staticcheck and go vet's default
//     analyzers, first run, rerun and after an edit, with peak RSS;
//  4. the cost per 1,000 lines of Go in the build graph, and how much it
//     varies from the smallest tree to the largest.
//
// Times are medians over the rounds, with the min–max when there is more
// than one. CPU time is user+sys of the whole process tree. Runs that
// exited with a status their tool does not use for findings are left out
// and listed after the tables.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: benchtable OUTDIR (the -o directory of bench/run.sh)")
		os.Exit(2)
	}
	if err := render(os.Stdout, os.Args[1]); err != nil {
		fmt.Fprintf(os.Stderr, "benchtable: %v\n", err)
		os.Exit(1)
	}
}

func render(w io.Writer, dir string) error {
	trees, err := readMeta(filepath.Join(dir, "meta.tsv"))
	if err != nil {
		return err
	}
	runs, err := readResults(filepath.Join(dir, "results.tsv"))
	if err != nil {
		return err
	}
	if len(runs) == 0 {
		return fmt.Errorf("%s has no runs: did bench/run.sh finish?", filepath.Join(dir, "results.tsv"))
	}
	runs, failed := runs.succeeded()
	for _, section := range []func(io.Writer, []tree, runSet){vetTable, sizeTable, standaloneTable, perLineTable} {
		section(w, trees, runs)
	}
	if len(failed) > 0 {
		fmt.Fprintf(w, "\nLeft out of the tables, with an exit status their tool does not use for findings (see logs/):\n\n")
		for _, r := range failed {
			fmt.Fprintf(w, "- %s, %s, %s run %d: exit %d\n", r.tree, r.tool, r.kind, r.round, r.exit)
		}
	}
	return nil
}
