// Command scanq runs an external scanner once per job from a pool of workers.
// The scanner reads its target and API token from its environment.
//
// Ported from /work/shared/cases/09-worker-pool-setenv-exec.
package main

import (
	"fmt"
	"log"
	"os"
	"os/exec"
	"sync"
)

type job struct {
	id       int
	target   string
	apiToken string // per-customer token
}

// runJob is the buggy shape: hand data to the child through the parent's env.
func runJob(j job) error {
	os.Setenv("SCAN_TARGET", j.target)                  // setenv-concurrent: worker goroutine // want `^os\.Setenv\("SCAN_TARGET"\) reachable from goroutine in main \(race: may race with \(\*exec\.Cmd\)\.Run\(\) in runJob\): the goroutine calls runJob, which calls os\.Setenv$`
	os.Setenv("SCANNER_API_TOKEN", j.apiToken)          // setenv-concurrent: customer A's token can reach customer B's scan // want `^os\.Setenv\("SCANNER_API_TOKEN"\) reachable from goroutine in main`
	return exec.Command("/usr/local/bin/scanner").Run() // exec-inherits-mutable-env // want `^\(\*exec\.Cmd\)\.Run starts a child process that inherits the whole environment, reachable from goroutine in main \(race: may copy a value set by os\.Setenv\(.*\) in runJob`
}

// runJobUniqueNames is the workaround from the report: one variable name per
// job. Collisions stop, but the shared env still grows with every job's data
// and every child inherits all of it.
func runJobUniqueNames(j job) error {
	name := fmt.Sprintf("SCAN_TARGET_%d", j.id)
	os.Setenv(name, j.target)                                                // setenv-concurrent: dynamic name; still a process-wide write // want `^os\.Setenv\(<name starting "SCAN_TARGET_">\) reachable from goroutine in main`
	defer os.Unsetenv(name)                                                  // unsetenv-concurrent // want `^os\.Unsetenv\(<name starting "SCAN_TARGET_">\) reachable from goroutine in main`
	return exec.Command("/usr/local/bin/scanner", "-target-env", name).Run() // exec-inherits-mutable-env: inherits other jobs' variables // want `^\(\*exec\.Cmd\)\.Run starts a child process that inherits the whole environment, reachable from goroutine in main`
}

// runJobFixed passes the data on the command itself.
func runJobFixed(j job) error {
	cmd := exec.Command("/usr/local/bin/scanner")
	cmd.Env = []string{"PATH=/usr/bin:/bin", "SCAN_TARGET=" + j.target, "SCANNER_API_TOKEN=" + j.apiToken} // not reported: explicit per-child env
	return cmd.Run()                                                                                       // not reported: Env set explicitly
}

func main() {
	workers := 4
	if os.Getenv("SCANQ_WORKERS") == "8" { // not reported: startup read of a non-credential
		workers = 8
	}
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() { // sync.WaitGroup.Go (Go 1.25+) starts a goroutine, like errgroup.Group.Go
			for j := range jobs {
				for _, run := range []func(job) error{runJob, runJobUniqueNames, runJobFixed} {
					if err := run(j); err != nil {
						log.Printf("job %d: %v", j.id, err)
					}
				}
			}
		})
	}
	for i, c := range []string{"customer-a", "customer-b", "customer-c"} {
		jobs <- job{id: i, target: c + ".example.test", apiToken: "example-token-" + c}
	}
	close(jobs)
	wg.Wait()
}
