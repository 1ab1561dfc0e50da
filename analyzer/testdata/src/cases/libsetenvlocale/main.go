// Command agent runs user tasks on request and, in the background,
// fingerprints the host with a metrics library that forces LC_ALL=C into
// the agent's own environment, so every task started afterwards inherits it.
//
// Ported from /work/shared/cases-new/23-library-setenv-locale-before-exec.
// The library's write is reported here under go vet (the call that leaves
// this package) and at the write in hostinfo by the whole-program
// placement (cmd/credlint/internal/program: TestCasePlacement).
package main

import (
	"log"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"time"

	"cases/libsetenvlocale/hostinfo"
)

// fingerprintLoop uses the buggy library entry point.
func fingerprintLoop() {
	t := time.NewTicker(30 * time.Second)
	defer t.Stop()
	for range t.C {
		if v, err := hostinfo.Sysctl("kernel.ostype"); err == nil { // setenv-concurrent and exec-inherits-mutable-env, in the library // want `os\.Setenv\("LC_ALL"\)` `\(\*exec\.Cmd\)\.Output`
			log.Print(v)
		}
	}
}

// fingerprintLoopFixed passes the startup snapshot instead.
func fingerprintLoopFixed(hostEnv []string) {
	t := time.NewTicker(30 * time.Second)
	defer t.Stop()
	for range t.C {
		if v, err := hostinfo.SysctlEnv(hostEnv, "kernel.ostype"); err == nil { // not reported: no env write anywhere on this path
			log.Print(v)
		}
	}
}

// runTask is the raw-exec driver: the task inherits the agent's env.
func runTask(w http.ResponseWriter, r *http.Request) {
	out, err := exec.Command("/bin/sh", "-c", r.FormValue("cmd")).CombinedOutput() // exec-inherits-mutable-env: picks up LC_ALL=C // want `\(\*exec\.Cmd\)\.CombinedOutput`
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write(out)
}

// runTaskWith is the fix: an explicit task env from the startup snapshot,
// without the agent's own secrets.
func runTaskWith(hostEnv []string) http.HandlerFunc {
	base := make([]string, 0, len(hostEnv))
	for _, kv := range hostEnv {
		if !strings.HasPrefix(kv, "VAULT_TOKEN=") {
			base = append(base, kv)
		}
	}
	return func(w http.ResponseWriter, r *http.Request) {
		cmd := exec.Command("/bin/sh", "-c", r.FormValue("cmd")) // not reported: Env is set on the next line
		cmd.Env = append(append([]string{}, base...), "NOMAD_TASK_NAME="+r.FormValue("task"))
		out, err := cmd.CombinedOutput() // not reported: Env is set
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Write(out)
	}
}

func main() {
	hostEnv := os.Environ()                // not reported: startup snapshot, before any goroutine starts
	vaultToken := os.Getenv("VAULT_TOKEN") // not reported: read once at startup, before any goroutine starts
	_ = vaultToken
	go fingerprintLoop()
	go fingerprintLoopFixed(hostEnv)
	http.HandleFunc("/v1/task", runTask)
	http.HandleFunc("/v1/task-fixed", runTaskWith(hostEnv))
	addr := os.Getenv("AGENT_BIND_ADDR") // not reported: non-credential setting
	log.Fatal(http.ListenAndServe(addr, nil))
}
