package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// vetTable: credlint under go vet -vettool against the noop floor, and go
// vet's default analyzers in the same compile-cached state.
func vetTable(w io.Writer, trees []tree, rs runSet) {
	header := false
	for _, t := range trees {
		type cols struct{ cold, cached, touch, edit runSet }
		get := func(tool string) cols {
			return cols{rs.of(t.name, tool, "cold"), rs.of(t.name, tool, "cached"), rs.of(t.name, tool, "touch"), rs.of(t.name, tool, "edit")}
		}
		noop, cred := get("noop"), get("credlint")
		vet, cv := rs.of(t.name, "go-vet", "first"), rs.of(t.name, "credlint-vet", "first")
		floor := len(noop.cold)+len(noop.cached)+len(cred.cold)+len(cred.cached) > 0
		if !floor && (len(vet) == 0 || len(cv) == 0) {
			continue
		}
		if !header {
			heading(w, "Under go vet -vettool (median (min–max) over the rounds)", 2,
				"tree", "tool", "cold wall", "cold CPU", "compile cached: wall", "compile cached: CPU", "warm, touch: wall", "warm, edit: wall", "warm, edit: CPU")
			header = true
		}
		if floor {
			for _, tc := range []struct {
				name string
				c    cols
			}{{"noop (floor)", noop}, {"credlint", cred}} {
				c := tc.c
				row(w, t.name, tc.name, secs(c.cold.walls()), secs(c.cold.cpus()), secs(c.cached.walls()), secs(c.cached.cpus()),
					secs(c.touch.walls()), secs(c.edit.walls()), secs(c.edit.cpus()))
			}
			row(w, t.name, "**credlint ÷ floor**", ratio(cred.cold.walls(), noop.cold.walls()), ratio(cred.cold.cpus(), noop.cold.cpus()),
				ratio(cred.cached.walls(), noop.cached.walls()), ratio(cred.cached.cpus(), noop.cached.cpus()),
				ratio(cred.touch.walls(), noop.touch.walls()), ratio(cred.edit.walls(), noop.edit.walls()), ratio(cred.edit.cpus(), noop.edit.cpus()))
		}
		// Against go vet's default analyzers, in the same state: compiles
		// cached, vet results not (the first runs of part 2).
		if len(vet) > 0 && len(cv) > 0 {
			row(w, t.name, "go vet -vettool=credlint, first run of part 2", "", "", secs(cv.walls()), secs(cv.cpus()), "", "", "")
			row(w, t.name, "go vet (default analyzers), first run of part 2", "", "", secs(vet.walls()), secs(vet.cpus()), "", "", "")
			row(w, t.name, "**credlint ÷ go vet**", "", "", ratio(cv.walls(), vet.walls()), ratio(cv.cpus(), vet.cpus()), "", "", "")
		}
	}
}

// sizeTable: the trees, peak memory, cache and facts.
func sizeTable(w io.Writer, trees []tree, rs runSet) {
	heading(w, "Sizes (peak RSS: largest over the rounds)", 1,
		"tree", "lines: main module / other modules / standard library", "packages analysed", "peak RSS cold: noop / credlint", "peak RSS compile cached: noop / credlint",
		"GOCACHE after cold run: noop / credlint", "credlint facts (packages with facts)", "facts per package analysed / per package with facts")
	for _, t := range trees {
		facts, pkgs := int64(-1), 0
		for _, r := range rs.of(t.name, "credlint", "cached") {
			if r.facts >= 0 {
				facts, pkgs = r.facts, r.factPkgs
			}
		}
		factCol, perCol := "–", "–"
		if facts >= 0 {
			factCol = fmt.Sprintf("%s (%d)", size(facts), pkgs)
			perCol = fmt.Sprintf("%s / %s", size(facts/int64(max(t.units, 1))), size(facts/int64(max(pkgs, 1))))
		}
		row(w, t.name+" ("+t.label+")",
			fmt.Sprintf("%s / %s / %s", thousands(t.mainLines), thousands(t.depLines), thousands(t.stdLines)),
			fmt.Sprint(t.units),
			peak(rs.of(t.name, "noop", "cold"))+" / "+peak(rs.of(t.name, "credlint", "cold")),
			peak(rs.of(t.name, "noop", "cached"))+" / "+peak(rs.of(t.name, "credlint", "cached")),
			lastCache(rs.of(t.name, "noop", "cold"))+" / "+lastCache(rs.of(t.name, "credlint", "cold")),
			factCol, perCol)
	}
}

// standaloneTable: credlint ./... against staticcheck and go vet.
func standaloneTable(w io.Writer, trees []tree, rs runSet) {
	tools := []string{"credlint-sa", "credlint-inproc", "staticcheck", "go-vet", "credlint-vet"}
	names := map[string]string{"credlint-sa": "credlint ./... (standalone)", "credlint-inproc": "credlint -engine=process ./...",
		"staticcheck": "staticcheck ./...", "go-vet": "go vet ./...", "credlint-vet": "go vet -vettool=credlint ./..."}
	header := false
	for _, t := range trees {
		if len(rs.of(t.name, "staticcheck", "first")) == 0 {
			continue
		}
		if !header {
			heading(w, "Standalone, compiles cached, the tools' own caches empty (median (min–max); peak RSS: largest)", 2,
				"tree", "tool", "first run: wall", "first run: CPU", "first run: peak RSS", "rerun: wall", "rerun: peak RSS", "after an edit: wall", "after an edit: peak RSS")
			header = true
		}
		for _, tool := range tools {
			first, rerun, edit := rs.of(t.name, tool, "first"), rs.of(t.name, tool, "rerun"), rs.of(t.name, tool, "edit")
			if len(first)+len(rerun)+len(edit) == 0 {
				continue // a run without this tool (older runs have no credlint-inproc)
			}
			row(w, t.name, names[tool], secs(first.walls()), secs(first.cpus()), peak(first), secs(rerun.walls()), peak(rerun), secs(edit.walls()), peak(edit))
		}
		s := func(k string) runSet { return rs.of(t.name, "staticcheck", k) }
		for _, tool := range []string{"credlint-sa", "credlint-inproc", "credlint-vet"} {
			if len(rs.of(t.name, tool, "first")) == 0 {
				continue
			}
			c := func(k string) runSet { return rs.of(t.name, tool, k) }
			row(w, t.name, "**"+names[tool]+" ÷ staticcheck**", ratio(c("first").walls(), s("first").walls()), ratio(c("first").cpus(), s("first").cpus()),
				maxRatio(c("first").rss(), s("first").rss()), ratio(c("rerun").walls(), s("rerun").walls()), maxRatio(c("rerun").rss(), s("rerun").rss()),
				ratio(c("edit").walls(), s("edit").walls()), maxRatio(c("edit").rss(), s("edit").rss()))
		}
	}
}

// perLineTable: CPU milliseconds per 1,000 lines of Go in the build graph
// (main module, other modules and the standard library), per tree, and,
// for each column, the figure of the tree with the most lines over that of
// the tree with the fewest: above 1× the cost per line grows with the
// tree, below 1× it shrinks.
func perLineTable(w io.Writer, trees []tree, rs runSet) {
	type column struct {
		name string
		cpu  func(t tree) ([]float64, bool)
	}
	med := func(tool, kind string) func(tree) ([]float64, bool) {
		return func(t tree) ([]float64, bool) {
			x := rs.of(t.name, tool, kind).cpus()
			return x, len(x) > 0
		}
	}
	columns := []column{
		{"noop cold", med("noop", "cold")},
		{"credlint cold", med("credlint", "cold")},
		{"noop compile cached", med("noop", "cached")},
		{"credlint compile cached", med("credlint", "cached")},
		{"credlint − noop, compile cached", func(t tree) ([]float64, bool) {
			c, ok1 := median(rs.of(t.name, "credlint", "cached").cpus())
			n, ok2 := median(rs.of(t.name, "noop", "cached").cpus())
			return []float64{c - n}, ok1 && ok2
		}},
		{"credlint standalone, first run", med("credlint-sa", "first")},
		{"staticcheck, first run", med("staticcheck", "first")},
	}
	head := []string{"tree", "lines"}
	for _, c := range columns {
		head = append(head, c.name)
	}
	heading(w, "CPU per 1,000 lines of Go in the build graph (ms, medians)", 1, head...)
	type figure struct {
		lines int
		v     float64
	}
	perTree := make([][]figure, len(columns)) // per column, the trees' figures
	for _, t := range trees {
		cells := []string{t.name, thousands(t.lines())}
		for i, c := range columns {
			xs, ok := c.cpu(t)
			m, _ := median(xs)
			if !ok || t.lines() == 0 {
				cells = append(cells, "–")
				continue
			}
			v := m * 1000 / (float64(t.lines()) / 1000)
			perTree[i] = append(perTree[i], figure{t.lines(), v})
			cells = append(cells, fmt.Sprintf("%.1f", v))
		}
		row(w, cells...)
	}
	cells := []string{"**largest tree ÷ smallest tree**", ""}
	for _, figs := range perTree {
		byLines := func(a, b figure) int { return a.lines - b.lines }
		if len(figs) < 2 {
			cells = append(cells, "–")
			continue
		}
		small, large := slices.MinFunc(figs, byLines), slices.MaxFunc(figs, byLines)
		if small.v <= 0 || small.lines == large.lines {
			cells = append(cells, "–")
			continue
		}
		cells = append(cells, fmt.Sprintf("%.2f×", large.v/small.v))
	}
	row(w, cells...)
}

// heading starts a table: its title, its header row, and the alignment
// row, with the first text columns left-aligned and the figures right.
func heading(w io.Writer, title string, text int, cols ...string) {
	fmt.Fprintf(w, "\n### %s\n\n", title)
	row(w, cols...)
	align := make([]string, len(cols))
	for i := range align {
		align[i] = "---:"
		if i < text {
			align[i] = "---"
		}
	}
	row(w, align...)
}

func row(w io.Writer, cells ...string) {
	fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
}

// secs is the median and the range of xs in seconds.
func secs(xs []float64) string {
	m, ok := median(xs)
	if !ok {
		return "–"
	}
	s := num(m) + " s"
	if len(xs) > 1 {
		s += fmt.Sprintf(" (%s–%s)", num(slices.Min(xs)), num(slices.Max(xs)))
	}
	return s
}

func num(x float64) string {
	switch {
	case x >= 100:
		return fmt.Sprintf("%.0f", x)
	case x >= 10:
		return fmt.Sprintf("%.1f", x)
	}
	return fmt.Sprintf("%.2f", x)
}

// ratio of the medians of a and b.
func ratio(a, b []float64) string {
	ma, ok1 := median(a)
	mb, ok2 := median(b)
	if !ok1 || !ok2 || mb == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", ma/mb)
}

// maxRatio of the largest of a and b (peak memory).
func maxRatio(a, b []float64) string {
	if len(a) == 0 || len(b) == 0 || slices.Max(b) == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", slices.Max(a)/slices.Max(b))
}

// peak is the largest RSS of rs, in MiB.
func peak(rs runSet) string {
	if len(rs) == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f MiB", slices.Max(rs.rss()))
}

// lastCache is the GOCACHE size after the last cold run of rs.
func lastCache(rs runSet) string {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i].gocache >= 0 {
			return size(rs[i].gocache)
		}
	}
	return "–"
}

func size(b int64) string {
	switch {
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(b)/(1<<10))
	}
	return fmt.Sprintf("%d B", b)
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
