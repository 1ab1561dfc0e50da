// Package e2e holds an end-to-end test harness. Every test gets its own
// throwaway cluster and kubeconfig file; kubectl runs as a child process.
//
// Ported from /work/shared/cases-new/29-kubeconfig-setenv-in-parallel-e2e-tests.
// Under go vet the harness's write and child are reported at the parallel
// test's calls; the whole-program placement reports the write here, at the
// write, and the child at the test's call (test code into the code under
// test).
package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// NT is the per-test harness.
type NT struct {
	T              testing.TB
	KubeconfigPath string
}

// New creates a harness whose kubeconfig lives in the test's temp dir.
func New(t testing.TB) *NT {
	p := filepath.Join(t.TempDir(), "kubeconfig")
	if err := os.WriteFile(p, []byte("apiVersion: v1\nkind: Config\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return &NT{T: t, KubeconfigPath: p}
}

// UseKubeconfig points the whole process at this test's cluster.
func (nt *NT) UseKubeconfig() {
	os.Setenv("KUBECONFIG", nt.KubeconfigPath) // the whole program reports the write here
}

// Kubectl runs kubectl with the inherited process env.
func (nt *NT) Kubectl(args ...string) ([]byte, error) {
	return exec.Command("kubectl", args...).CombinedOutput() // not reported: code under test; reported at the parallel test's call
}

// baseEnv is captured once in TestMain.
var baseEnv []string

// Command is the fix: a child-only KUBECONFIG on top of the startup snapshot.
func (nt *NT) Command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Env = append(append([]string{}, baseEnv...), "KUBECONFIG="+nt.KubeconfigPath)
	return cmd
}
