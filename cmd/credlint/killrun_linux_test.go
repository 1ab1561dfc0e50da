package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/credlint/credlint/internal/slowtest"
	"github.com/credlint/credlint/internal/workspace"
)

// killRunsEnv sets how many killed runs TestKillRuns makes (.ci/run sets
// 100); by default one, and three with CREDLINT_SLOW=1, so that go test
// stays quick.
const killRunsEnv = "CREDLINT_KILL_ITERATIONS"

// TestKillRuns kills runs at random points and checks that the next run
// reports what the in-process engine (which keeps no cache) reports: an
// interrupted unit caches its complete result or nothing, whatever it ran
// for (facts only or findings), and plain go vet runs never share cached
// results with the driver's (issue 16). Each iteration edits the module,
// so that the killed run has units to run, and kills, at a random moment,
// the driver (standalone credlint), one of the units go vet runs, or a
// plain go vet -vettool run.
func TestKillRuns(t *testing.T) {
	iterations := 1
	if slowtest.Enabled() {
		iterations = 3
	}
	if s := os.Getenv(killRunsEnv); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("%s=%q: %v", killRunsEnv, s, err)
		}
		iterations = n
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "killrun"))); err != nil {
		t.Fatal(err)
	}
	// A binary of its own, so that the units the test kills are its own
	// (the same contents: go's cache keys are those of credlintBin).
	bin := filepath.Join(t.TempDir(), "credlint-killed")
	data, err := os.ReadFile(credlintBin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	k := &killer{t: t, dir: dir, bin: bin, rng: rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 16))}
	want := map[int]result{}
	for i := range iterations {
		version := k.rng.IntN(3)
		k.setVersion(version)
		if _, ok := want[version]; !ok {
			want[version] = runIn(t, dir, testEnv(), bin, "-engine=process", "./...")
			if want[version].code != exitFindings {
				t.Fatalf("in process: want findings\n%s", want[version])
			}
		}
		what := k.killOne()
		// The default engine: a go vet stopped between writing a unit's
		// facts and its output to go's cache leaves an entry that makes
		// the go vet engine fail (unitroots.go), and the default engine
		// then analyses in process.
		got := runIn(t, dir, testEnv(), bin, "./...")
		if got.code != want[version].code || got.stdout != want[version].stdout {
			t.Fatalf("iteration %d, after %s: the next run differs from the in-process engine\n--- in process\n%s\n--- go vet\n%s",
				i, what, want[version], got)
		}
	}
}

// A killer starts runs on dir and kills them.
type killer struct {
	t        *testing.T
	dir, bin string
	rng      *rand.Rand
	longest  time.Duration // of the runs so far
}

// setVersion rewrites leaf.Version, which every other package depends on.
func (k *killer) setVersion(v int) {
	path := filepath.Join(k.dir, "leaf", "leaf.go")
	data, err := os.ReadFile(path)
	if err != nil {
		k.t.Fatal(err)
	}
	data = regexp.MustCompile(`Version = \d+`).ReplaceAll(data, fmt.Appendf(nil, "Version = %d", v))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		k.t.Fatal(err)
	}
}

// killOne starts a run, kills something at a random moment, waits for
// the run (and, for a killed driver, its go vet) to end, and says what it
// killed.
func (k *killer) killOne() string {
	patterns := [][]string{{"./..."}, {"./app"}, {"./lib"}}[k.rng.IntN(3)]
	var cmd *exec.Cmd
	plain := k.rng.IntN(4) == 0
	if plain {
		cmd = exec.Command("go", append([]string{"vet", "-vettool=" + k.bin}, patterns...)...)
	} else {
		cmd = exec.Command(k.bin, append([]string{"-engine=vet"}, patterns...)...)
	}
	cmd.Dir, cmd.Env = k.dir, append(testEnv(), workspace.GoworkEnv(k.dir))
	start := time.Now()
	if err := cmd.Start(); err != nil {
		k.t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	wait := time.Duration(k.rng.Int64N(int64(max(k.longest, 500*time.Millisecond)) + 1))
	what := "nothing (the run ended first)"
	select {
	case <-done:
	case <-time.After(wait):
		what = k.kill(cmd, plain)
	}
	<-done
	k.longest = max(k.longest, time.Since(start))
	k.waitUnits()
	return fmt.Sprintf("%s on %s after %v", what, strings.Join(patterns, " "), wait)
}

// kill kills a unit or, one time in three or when no unit runs, the
// driver (for a plain go vet run, the go command).
func (k *killer) kill(cmd *exec.Cmd, plain bool) string {
	units := k.units()
	if len(units) > 0 && k.rng.IntN(3) > 0 {
		pid := units[k.rng.IntN(len(units))]
		syscall.Kill(pid, syscall.SIGKILL)
		return "SIGKILL of a unit"
	}
	cmd.Process.Kill()
	if plain {
		return "SIGKILL of go vet"
	}
	return "SIGKILL of the driver"
}

// units returns the pids of the units of k.bin that run now.
func (k *killer) units() []int {
	entries, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil {
			continue
		}
		args := strings.Split(strings.TrimRight(string(data), "\x00"), "\x00")
		if args[0] == k.bin && slices.ContainsFunc(args, func(a string) bool { return strings.HasSuffix(a, ".cfg") }) {
			pids = append(pids, pid)
		}
	}
	return pids
}

// waitUnits waits until no unit of k.bin runs: a killed driver's go vet
// finishes its running units before it exits.
func (k *killer) waitUnits() {
	for deadline := time.Now().Add(2 * time.Minute); len(k.units()) > 0; {
		if time.Now().After(deadline) {
			k.t.Fatal("units of a killed run still run after 2 minutes")
		}
		time.Sleep(50 * time.Millisecond)
	}
}
