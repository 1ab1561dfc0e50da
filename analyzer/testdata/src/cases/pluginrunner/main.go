// Command agent models a metrics agent that runs plugin executables.
// One goroutine per plugin collects values on a timer; another asks the same
// plugin for its graph metadata by flipping a process-wide env flag first.
//
// Ported from /work/shared/cases/01-setenv-before-exec-plugin-runner.
package main

import (
	"context"
	"log"
	"os"
	"os/exec"
	"sync"
	"time"
)

// metaModeEnv tells a plugin to print its graph definitions instead of values.
// The name is not a credential: the mutation itself is the finding.
const metaModeEnv = "AGENT_PLUGIN_META"

type plugin struct{ path string }

// loadMeta is the buggy shape: set the flag on the whole process, run, reset.
func (p plugin) loadMeta(ctx context.Context) ([]byte, error) {
	os.Setenv(metaModeEnv, "1")                      // setenv-concurrent: worker goroutine flips a process-wide flag // want `^os\.Setenv\("AGENT_PLUGIN_META"\) reachable from goroutine in main \(race: may race with \(\*exec\.Cmd\)\.Output\(\) in \(plugin\)\.loadMeta\): the goroutine calls \(plugin\)\.loadMeta, which calls os\.Setenv$`
	defer os.Setenv(metaModeEnv, "")                 // setenv-concurrent: the "restore" races with collect below // want `^os\.Setenv\("AGENT_PLUGIN_META"\) reachable from goroutine in main`
	return exec.CommandContext(ctx, p.path).Output() // exec-inherits-mutable-env: nil Env copies the process env at Start // want `^\(\*exec\.Cmd\)\.Output starts a child process that inherits the whole environment, reachable from goroutine in main \(race: may copy a value set by os\.Setenv\("AGENT_PLUGIN_META"\) in \(plugin\)\.loadMeta\)`
}

// collect runs the plugin for values; it can start while loadMeta has the flag set.
func (p plugin) collect(ctx context.Context) ([]byte, error) {
	return exec.CommandContext(ctx, p.path).Output() // exec-inherits-mutable-env: may see AGENT_PLUGIN_META=1 from another goroutine // want `^\(\*exec\.Cmd\)\.Output starts a child process that inherits the whole environment, reachable from goroutine in main \(race: may copy a value set by os\.Setenv\("AGENT_PLUGIN_META"\) in \(plugin\)\.loadMeta\): the goroutine calls \(plugin\)\.collect`
}

// loadMetaFixed is the fix: the flag goes only to this child, on top of a
// snapshot taken in main before any goroutine.
func (p plugin) loadMetaFixed(ctx context.Context, baseEnv []string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, p.path)
	cmd.Env = append(append([]string{}, baseEnv...), metaModeEnv+"=1") // not reported: child-only override built from a startup snapshot
	return cmd.Output()                                                // not reported: Env set explicitly
}

func main() {
	dir := os.Getenv("AGENT_PLUGIN_DIR") // not reported: startup read of a non-credential, before any goroutine
	if dir == "" {
		dir = "/usr/local/lib/agent/plugins"
	}
	plugins := []plugin{{dir + "/plugin-disk"}, {dir + "/plugin-queue"}}
	baseEnv := os.Environ() // not reported: startup snapshot, before any goroutine
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	var wg sync.WaitGroup
	for _, p := range plugins {
		wg.Go(func() { // metadata refresh
			if _, err := p.loadMeta(ctx); err != nil {
				log.Print(err)
			}
			if _, err := p.loadMetaFixed(ctx, baseEnv); err != nil {
				log.Print(err)
			}
		})
		wg.Go(func() { // periodic value collection
			t := time.NewTicker(time.Minute)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					if _, err := p.collect(ctx); err != nil {
						log.Print(err)
					}
				}
			}
		})
	}
	wg.Wait()
}
