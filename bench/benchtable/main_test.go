package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// results is a run of two trees: the floor and credlint under go vet, and
// the standalone tools on "big".
const results = `small	noop	cold	1	100	90	10	2048	1000	-	-	0
small	credlint	cold	1	120	100	20	4096	2000	-	-	1
small	noop	cached	1	10	9	1	1024	-	-	-	0
small	credlint	cached	1	12	11	1	2048	-	5000	5	1
small	noop	cached	2	14	13	1	1024	-	-	-	0
small	credlint	cached	2	16	15	1	2048	-	-	-	1
small	noop	edit	1	0.5	0.4	0.1	1024	-	-	-	0
small	credlint	edit	1	0.6	0.5	0.1	1024	-	-	-	0
small	credlint	edit	2	9	9	0	1024	-	-	-	2
small	credlint-vet	first	1	3	4	0	1024	-	-	-	0
small	go-vet	first	1	2	2	0	1024	-	-	-	1
small	credlint-sa	edit	1	7	7	0	1024	-	-	-	3
small	staticcheck	first	1	5	5	0	1024	-	-	-	0
small	credlint-sa	edit	2	99	99	0	1024	-	-	-	1
small	noop	edit	2	99	99	0	1024	-	-	-	1
big	noop	cold	1	400	390	10	2048	1000	-	-	0
big	noop	cold	2	300	290	10	2048	1000	-	-	0
big	noop	cold	3	500	490	10	2048	1000	-	-	0
big	credlint	cold	1	410	400	10	4096	2000	-	-	1
big	credlint-sa	first	1	20	30	0	102400	-	-	-	3
big	staticcheck	first	1	40	60	0	51200	-	-	-	1
big	credlint-sa	rerun	1	20	30	0	102400	-	-	-	3
big	staticcheck	rerun	1	1	1	0	10240	-	-	-	1
big	credlint-sa	edit	1	10	10	0	102400	-	-	-	0
big	staticcheck	edit	1	5	5	0	10240	-	-	-	1
`

const meta = `big	example.com/big@v1	100	50000	0	50000
small	example.com/small@v1	10	1000	500	8500
`

func writeRun(t *testing.T, res, met string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "results.tsv"), []byte(res), 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "meta.tsv"), []byte(met), 0o666); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestRender(t *testing.T) {
	var b strings.Builder
	if err := render(&b, writeRun(t, results, meta)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		// Medians and ranges: big's noop cold walls are 400, 300, 500.
		"| big | noop (floor) | 400 s (300–500) | 400 s (300–500) |",
		// credlint ÷ floor on small: cold 120/100 wall, 120/100 CPU;
		// compile cached: medians 14/12 wall and CPU (user+sys); warm
		// edit 0.6/0.5: the standalone edits (7 s) are not mixed in, and
		// the runs with an exit status their tool does not use for
		// findings (credlint under go vet 2, noop 1) are left out.
		"| small | credlint | 120 s | 120 s | 14.0 s (12.0–16.0) | 14.0 s (12.0–16.0) | – | 0.60 s | 0.60 s |",
		"| small | **credlint ÷ floor** | 1.20× | 1.20× | 1.17× | 1.17× | – | 1.20× | 1.20× |",
		"- small, credlint, edit run 2: exit 2",
		"- small, noop, edit run 2: exit 1",
		// Standalone credlint exits 3 for findings, 1 for a failure.
		"- small, credlint-sa, edit run 2: exit 1",
		// Against go vet's default analyzers: 3 s against 2 s, 4 s CPU
		// against 2 s.
		"| small | **credlint ÷ go vet** |  |  | 1.50× | 2.00× |",
		// Sizes: facts of the first compile-cached run; per package.
		"| 1,000 / 500 / 8,500 | 10 | 2 MiB / 4 MiB |",
		"| 4.9 KiB (5) | 500 B / 1000 B |",
		// Standalone: 100 MiB against 50 MiB; the standalone edit run
		// (10 s) is not mixed with the warm edit under go vet.
		"| big | **credlint ./... (standalone) ÷ staticcheck** | 0.50× | 0.50× | 2.00× | 20.00× | 10.00× | 2.00× | 10.00× |",
		"| small | credlint ./... (standalone) | – | – | – | – | – | 7.00 s | 1 MiB |",
		// Per 1,000 lines: small's noop cold CPU is 100 s for 10,000
		// lines, big's 400 s for 100,000: the larger tree (listed first)
		// costs 0.4× per line.
		"| small | 10,000 | 10000.0 |",
		"| big | 100,000 | 4000.0 |",
		"| **largest tree ÷ smallest tree** |  | 0.40× |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("tables lack %q; got:\n%s", want, out)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	for name, tc := range map[string]struct{ res, meta, want string }{
		"short line":     {"small\tnoop\tcold\n", meta, "results.tsv:1: want 12 tab-separated columns, got 3"},
		"unfinished run": {strings.Replace(results, "\t100\t90\t", "\t\t90\t", 1), meta, `results.tsv:1: want a number, got ""`},
		"empty":          {"", meta, "has no runs"},
		"bad meta":       {results, "small\tx\tmany\t1\t2\t3\n", `meta.tsv:1: column 3: want a number, got "many"`},
		"old standalone": {"big\tcredlint\tfirst\t1\t20\t30\t0\t1\t-\t-\t-\t3\n", meta, "older than its credlint-sa rows"},
	} {
		t.Run(name, func(t *testing.T) {
			err := render(&strings.Builder{}, writeRun(t, tc.res, tc.meta))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("render: got %v, want an error with %q", err, tc.want)
			}
		})
	}
}

// TestRenderWithoutFloor: with -V, only part 2 ran; the comparison with go
// vet's default analyzers is still shown.
func TestRenderWithoutFloor(t *testing.T) {
	res := "small\tcredlint-vet\tfirst\t1\t3\t4\t0\t1024\t-\t-\t-\t0\nsmall\tgo-vet\tfirst\t1\t2\t2\t0\t1024\t-\t-\t-\t1\n"
	var b strings.Builder
	if err := render(&b, writeRun(t, res, meta)); err != nil {
		t.Fatal(err)
	}
	if want := "| small | **credlint ÷ go vet** |  |  | 1.50× | 2.00× |"; !strings.Contains(b.String(), want) {
		t.Errorf("tables lack %q; got:\n%s", want, b.String())
	}
	if strings.Contains(b.String(), "noop (floor)") {
		t.Errorf("a floor row without floor runs:\n%s", b.String())
	}
}
