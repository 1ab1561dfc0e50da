package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
)

// A tree is one line of meta.tsv.
type tree struct {
	name, label         string
	units               int // packages analysed per go vet run
	mainLines, depLines int
	stdLines            int
}

// lines is every line of Go in the tree's build graph.
func (t tree) lines() int { return t.mainLines + t.depLines + t.stdLines }

// A run is one line of results.tsv.
type run struct {
	tree, tool, kind string
	round            int
	wall, cpu        float64 // seconds
	rssKiB           int64
	gocache          int64 // bytes, -1 when not measured
	facts            int64 // bytes, -1 when not measured
	factPkgs         int
	exit             int
}

type runSet []run

// findingsExit is the exit status each tool uses for "ran, and found
// something"; 0 is always fine. go vet exits 1 when its analyzers or the
// vet tool report; standalone credlint exits 3 (see cmd/credlint).
var findingsExit = map[string]int{
	"credlint": 1, "credlint-vet": 1, "go-vet": 1, "staticcheck": 1, "credlint-sa": 3, "credlint-inproc": 3,
}

// succeeded splits rs into the runs that exited 0 or with their tool's
// findings status, and the others (a crash, a build failure).
func (rs runSet) succeeded() (ok, failed runSet) {
	for _, r := range rs {
		if code, known := findingsExit[r.tool]; r.exit == 0 || known && r.exit == code {
			ok = append(ok, r)
		} else {
			failed = append(failed, r)
		}
	}
	return ok, failed
}

// of returns the runs of tool and kind in tree.
func (rs runSet) of(tree, tool, kind string) runSet {
	var out runSet
	for _, r := range rs {
		if r.tree == tree && r.tool == tool && r.kind == kind {
			out = append(out, r)
		}
	}
	return out
}

func (rs runSet) walls() []float64 { return rs.values(func(r run) float64 { return r.wall }) }
func (rs runSet) cpus() []float64  { return rs.values(func(r run) float64 { return r.cpu }) }
func (rs runSet) rss() []float64 {
	return rs.values(func(r run) float64 { return float64(r.rssKiB) / 1024 })
}

func (rs runSet) values(f func(run) float64) []float64 {
	var out []float64
	for _, r := range rs {
		out = append(out, f(r))
	}
	return out
}

// median of xs, and false when xs is empty.
func median(xs []float64) (float64, bool) {
	if len(xs) == 0 {
		return 0, false
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2], true
	}
	return (s[n/2-1] + s[n/2]) / 2, true
}

func readMeta(name string) ([]tree, error) {
	rows, err := readTSV(name, 6)
	if err != nil {
		return nil, err
	}
	var out []tree
	for _, row := range rows {
		t := tree{name: row.cols[0], label: row.cols[1]}
		for i, p := range []*int{&t.units, &t.mainLines, &t.depLines, &t.stdLines} {
			if *p, err = strconv.Atoi(row.cols[2+i]); err != nil {
				return nil, fmt.Errorf("%s:%d: column %d: want a number, got %q", name, row.line, 3+i, row.cols[2+i])
			}
		}
		out = append(out, t)
	}
	return out, nil
}

func readResults(name string) (runSet, error) {
	rows, err := readTSV(name, 12)
	if err != nil {
		return nil, err
	}
	var out runSet
	for _, row := range rows {
		c := row.cols
		var r run
		r.tree, r.tool, r.kind = c[0], c[1], c[2]
		var user, sys float64
		var facts, gocache string
		fields := []struct {
			s string
			p any
		}{{c[3], &r.round}, {c[4], &r.wall}, {c[5], &user}, {c[6], &sys}, {c[7], &r.rssKiB}, {c[11], &r.exit}}
		for _, f := range fields {
			if err := parseNum(f.s, f.p); err != nil {
				return nil, fmt.Errorf("%s:%d: %v (a run that did not finish? see its log under logs/)", name, row.line, err)
			}
		}
		if r.tool == "credlint" && (r.kind == "first" || r.kind == "rerun") {
			return nil, fmt.Errorf("%s:%d: a standalone run named credlint: written by a bench/run.sh older than its credlint-sa rows; rerun it", name, row.line)
		}
		r.cpu = user + sys
		gocache, facts = c[8], c[9]
		r.gocache, r.facts = optional(gocache), optional(facts)
		if c[10] != "-" && c[10] != "" {
			r.factPkgs, _ = strconv.Atoi(c[10])
		}
		out = append(out, r)
	}
	return out, nil
}

func optional(s string) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return -1
	}
	return n
}

func parseNum(s string, p any) error {
	var err error
	switch p := p.(type) {
	case *int:
		*p, err = strconv.Atoi(s)
	case *int64:
		*p, err = strconv.ParseInt(s, 10, 64)
	case *float64:
		*p, err = strconv.ParseFloat(s, 64)
	}
	if err != nil {
		return fmt.Errorf("want a number, got %q", s)
	}
	return nil
}

type tsvRow struct {
	line int
	cols []string
}

// readTSV reads a tab-separated file whose lines have n columns.
func readTSV(name string, n int) ([]tsvRow, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []tsvRow
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != n {
			return nil, fmt.Errorf("%s:%d: want %d tab-separated columns, got %d (written by another version of bench/run.sh?)", name, line, n, len(cols))
		}
		rows = append(rows, tsvRow{line, cols})
	}
	return rows, sc.Err()
}
