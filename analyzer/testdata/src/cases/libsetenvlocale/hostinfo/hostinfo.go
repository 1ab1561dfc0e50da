// Package hostinfo stands in for a host-metrics library that shells out to
// sysctl and forces the C locale by writing LC_ALL into the calling
// process's environment.
package hostinfo

import (
	"os"
	"os/exec"
	"strings"
)

// Sysctl is the buggy shape: it changes the whole process's locale to fix the
// output of one child.
func Sysctl(name string) (string, error) {
	os.Setenv("LC_ALL", "C")                                      // the whole program reports the write here; go vet at the caller in main
	out, err := exec.Command("/sbin/sysctl", "-n", name).Output() // nil Env: the whole program reports the child here (Sysctl is another package's code)
	return strings.TrimSpace(string(out)), err
}

// SysctlEnv is the fix: the caller passes a snapshot of the host env and the
// locale override goes into this child's env only.
func SysctlEnv(base []string, name string) (string, error) {
	env := make([]string, 0, len(base)+1)
	for _, kv := range base {
		if !strings.HasPrefix(kv, "LC_ALL=") {
			env = append(env, kv)
		}
	}
	cmd := exec.Command("/sbin/sysctl", "-n", name)
	cmd.Env = append(env, "LC_ALL=C") // not reported: per-child env built from the caller's snapshot
	out, err := cmd.Output()          // not reported: Env is set, nothing is inherited
	return strings.TrimSpace(string(out)), err
}
