package e2e

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	baseEnv = os.Environ()             // not reported: TestMain runs before any test starts
	if os.Getenv("KUBECONFIG") != "" { // not reported: TestMain, before any test starts
		os.Unsetenv("KUBECONFIG") // not reported: TestMain, before any test starts
	}
	os.Exit(m.Run())
}

// Each parallel test exports its kubeconfig and cleans up after itself, and
// kubectl inherits whatever the process env holds.
func TestApplyNamespaceRacy(t *testing.T) {
	t.Parallel()
	nt := New(t)
	nt.UseKubeconfig()                                                // setenv-concurrent via the harness // want `os\.Setenv\("KUBECONFIG"\)`
	defer os.Unsetenv("KUBECONFIG")                                   // unsetenv-concurrent // want `os\.Unsetenv\("KUBECONFIG"\)`
	if out, err := nt.Kubectl("apply", "-f", "ns.yaml"); err != nil { // exec-inherits-mutable-env // want `\(\*exec\.Cmd\)\.CombinedOutput`
		t.Logf("%s", out)
	}
}

func TestClusterReachableRacy(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(os.Getenv("KUBECONFIG")); err != nil { // cred-read-concurrent: locator read while parallel tests rewrite it // want `os\.Getenv\("KUBECONFIG"\)`
		t.Skip("no kubeconfig")
	}
}

// The fix: nothing in a parallel test touches the process env.
func TestApplyNamespace(t *testing.T) {
	t.Parallel()
	nt := New(t)
	if out, err := nt.Command("kubectl", "apply", "-f", "ns.yaml").CombinedOutput(); err != nil { // not reported: Env set from the TestMain snapshot plus this test's own KUBECONFIG
		t.Logf("%s", out)
	}
	if _, err := os.Stat(nt.KubeconfigPath); err != nil { // not reported: per-test path from the harness, not the env
		t.Fatal(err)
	}
}
