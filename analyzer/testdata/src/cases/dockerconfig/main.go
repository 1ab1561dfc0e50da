// Command pushall pushes several images to registries in parallel by shelling
// out to a container CLI, which keeps registry logins in a config directory
// (default $HOME/.docker, overridable with DOCKER_CONFIG or --config).
//
// Ported from /work/shared/cases/22-docker-config-dir-for-concurrent-pushes.
// The stretch finding shared-profile-dir-concurrent is covered by
// exec-inherits-env here, because pushSetenv writes the environment.
package main

import (
	"context"
	"log"
	"os"
	"os/exec"
	"strings"
	"sync"
)

type target struct{ image, registry, user, password string }

// pushShared is the original shape: every push logs in and out of the one
// shared config directory derived from HOME.
func pushShared(ctx context.Context, t target) error {
	login := exec.CommandContext(ctx, "docker", "login", "-u", t.user, "--password-stdin", t.registry)
	login.Stdin = strings.NewReader(t.password)
	if err := login.Run(); err != nil { // shared-profile-dir-concurrent: children share a HOME-derived credential store // want `^\(\*exec\.Cmd\)\.Run starts a child process that inherits the whole environment, reachable from goroutine in main \(race: may copy a value set by os\.Setenv\("DOCKER_CONFIG"\) in pushSetenv\): the goroutine calls pushShared, which calls \(\*exec\.Cmd\)\.Run$`
		return err
	}
	defer exec.CommandContext(ctx, "docker", "logout", t.registry).Run() // shared-profile-dir-concurrent: logout removes another push's login // want `^\(\*exec\.Cmd\)\.Run starts a child process that inherits the whole environment`
	return exec.CommandContext(ctx, "docker", "push", t.image).Run()     // not annotated in the case (neither want nor ok); the push inherits the env like the login above // want `^\(\*exec\.Cmd\)\.Run starts a child process that inherits the whole environment`
}

// pushSetenv is the tempting wrong fix: a temp dir per push via the process env.
func pushSetenv(ctx context.Context, t target) error {
	dir, err := os.MkdirTemp("", "push-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	os.Setenv("DOCKER_CONFIG", dir)    // setenv-concurrent: profile dir swapped under the other pushes // want `^os\.Setenv\("DOCKER_CONFIG"\) reachable from goroutine in main`
	defer os.Unsetenv("DOCKER_CONFIG") // unsetenv-concurrent // want `^os\.Unsetenv\("DOCKER_CONFIG"\) reachable from goroutine in main`
	login := exec.CommandContext(ctx, "docker", "login", "-u", t.user, "--password-stdin", t.registry)
	login.Stdin = strings.NewReader(t.password)
	if err := login.Run(); err != nil { // exec-inherits-mutable-env // want `^\(\*exec\.Cmd\)\.Run starts a child process that inherits the whole environment, reachable from goroutine in main .*: the goroutine calls pushSetenv, which calls \(\*exec\.Cmd\)\.Run$`
		return err
	}
	return exec.CommandContext(ctx, "docker", "push", t.image).Run() // exec-inherits-mutable-env // want `^\(\*exec\.Cmd\)\.Run starts a child process that inherits the whole environment`
}

// pushIsolated is the fix: a private config dir passed on every command, and
// the operator's setting and the child env from snapshots taken in main.
func pushIsolated(ctx context.Context, t target, operatorConfig string, baseEnv []string) error {
	dir := operatorConfig // not reported: value captured at startup, not an env read
	if dir == "" {
		tmp, err := os.MkdirTemp("", "push-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	login := exec.CommandContext(ctx, "docker", "--config", dir, "login", "-u", t.user, "--password-stdin", t.registry)
	login.Stdin = strings.NewReader(t.password)
	login.Env = baseEnv                 // not reported: explicit child env from a startup snapshot
	if err := login.Run(); err != nil { // not reported: private --config dir and explicit Env
		return err
	}
	push := exec.CommandContext(ctx, "docker", "--config", dir, "push", t.image)
	push.Env = baseEnv // not reported: same
	return push.Run()  // not reported: same
}

// pushUpstreamShape is the upstream fix as written: a read-only locator check
// on the worker and nil cmd.Env; in this file it races with pushSetenv.
func pushUpstreamShape(ctx context.Context, t target) error {
	var cfgArgs []string
	if _, ok := os.LookupEnv("DOCKER_CONFIG"); !ok { // cred-read-concurrent: credential-store locator read on a worker // want `^os\.LookupEnv\("DOCKER_CONFIG"\) reads a credential reachable from goroutine in main \(race: may see another request's value: races with os\.Setenv\("DOCKER_CONFIG"\) in pushSetenv\): the goroutine calls pushUpstreamShape, which calls os\.LookupEnv$`
		dir, err := os.MkdirTemp("", "push-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		cfgArgs = []string{"--config", dir}
	}
	return exec.CommandContext(ctx, "docker", append(cfgArgs, "push", t.image)...).Run() // exec-inherits-mutable-env: nil Env // want `^\(\*exec\.Cmd\)\.Run starts a child process that inherits the whole environment, reachable from goroutine in main`
}

func main() {
	ctx := context.Background()
	operatorConfig := os.Getenv("DOCKER_CONFIG") // not reported: startup read before any goroutine
	baseEnv := os.Environ()                      // not reported: startup snapshot
	targets := []target{
		{"registry-a.example.test/app:1", "registry-a.example.test", "ci", "example-password-a"},
		{"registry-b.example.test/app:1", "registry-b.example.test", "ci", "example-password-b"},
	}
	var wg sync.WaitGroup
	for _, t := range targets {
		wg.Go(func() {
			for _, push := range []func(context.Context, target) error{pushShared, pushSetenv, pushUpstreamShape} {
				if err := push(ctx, t); err != nil {
					log.Print(err)
				}
			}
			if err := pushIsolated(ctx, t, operatorConfig, baseEnv); err != nil {
				log.Print(err)
			}
		})
	}
	wg.Wait()
}
