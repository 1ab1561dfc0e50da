package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestUnitMemProfile checks that with CREDLINT_UNIT_MEMPROFILE set, every
// unit go vet runs writes its heap profile and its peak RSS, named by its
// package ID, and reports as before.
func TestUnitMemProfile(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{"clean.go": cleanGo, "racy/racy.go": racyGo})
	profiles := t.TempDir()
	// A key pattern of this run's own makes go vet run the units instead
	// of replaying a cached result.
	keys := fmt.Sprintf("-cred-keys=PROFILE_%d", time.Now().UnixNano())
	r := goVet(t, dir, testEnv(unitMemProfileEnv+"="+profiles), credlintBin, keys, "./...")
	if r.code == 0 || !strings.Contains(r.stderr, "racy.go:10:3") {
		t.Errorf("go vet with %s: want the racy finding\n%s", unitMemProfileEnv, r)
	}
	for _, id := range []string{"example.com_m", "example.com_m_racy"} {
		if fi, err := os.Stat(filepath.Join(profiles, id+".pprof")); err != nil || fi.Size() == 0 {
			t.Errorf("no profile of %s: %v", id, err)
		}
	}
	units, err := os.ReadFile(filepath.Join(profiles, "units.txt"))
	if err != nil || !strings.Contains(string(units), " example.com_m_racy\n") {
		t.Errorf("units.txt: %q, %v; want a line for example.com/m/racy", units, err)
	}
}
