package main

import (
	"go/build"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
	"github.com/credlint/credlint/internal/slowtest"
)

// TestEnginesStd checks that both engines print byte-identical findings
// on the standard library (issue 16: the go vet engine took the external
// tests of a standard package for the user's code and placed findings on
// other lines). The in-process engine loads all of std in one process
// (minutes of CPU, about 4 GB), so the test runs only with CREDLINT_SLOW=1
// (internal/slowtest), which CI sets (.ci/run).
func TestEnginesStd(t *testing.T) {
	slowtest.Require(t, "both engines on the standard library, about 4 minutes and 4 GB")
	dir := t.TempDir()
	for _, format := range []string{"json", "sarif"} {
		want := credlint(t, dir, "-engine=process", "-format="+format, "std")
		if want.code != exitFindings || !strings.Contains(want.stdout, "os.Setenv") {
			t.Fatalf("-format=%s, in process: want findings\n%s", format, want)
		}
		got := credlint(t, dir, "-engine=vet", "-format="+format, "std")
		if got.code != want.code || got.stdout != want.stdout || got.stderr != want.stderr {
			t.Errorf("-format=%s: the go vet engine differs from the in-process engine\n%s",
				format, firstDifference(want.stdout, got.stdout))
		}
	}
}

// firstDifference returns the first line where got differs from want,
// with a little context, so that a failure on std's long output is
// readable.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		if i >= len(w) || i >= len(g) || w[i] != g[i] {
			from := max(0, i-5)
			return "--- in process, from line " + strconv.Itoa(from+1) + "\n" + strings.Join(w[from:min(len(w), i+5)], "\n") +
				"\n--- go vet\n" + strings.Join(g[from:min(len(g), i+5)], "\n")
		}
	}
	return "(the same lines; the exit codes or stderr differ)"
}

// TestListTableOrigins checks that go vet's table classifies every
// package whose files are the standard library's as such, the external
// tests of a standard package (which go list does not mark Standard)
// included, as the in-process engine does.
func TestListTableOrigins(t *testing.T) {
	t.Parallel()
	table, err := listTable([]string{"os"}, &options{})
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	var xtest bool
	for _, p := range table.Packages {
		if !strings.HasPrefix(first(p.Files), src) {
			continue // the test main, generated in go's cache
		}
		xtest = xtest || strings.HasPrefix(p.ID, "os_test ")
		if p.Origin != output.OriginStdlib {
			t.Errorf("%s (%s): origin %q; want %q", p.ID, filepath.Dir(first(p.Files)), p.Origin, output.OriginStdlib)
		}
	}
	if !xtest {
		t.Errorf("no os_test package in the table of os: %+v", table.Packages)
	}
}

func first(files []string) string {
	if len(files) == 0 {
		return ""
	}
	return files[0]
}
