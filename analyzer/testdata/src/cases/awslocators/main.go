// Command authctl resolves cloud identities for several stacks concurrently.
// A helper overlays profile and credential-file locators on the process env
// (names come from a map literal and are applied in a loop), the SDK-style
// loader reads them back, and a cleanup closure restores the previous values.
//
// Ported from /work/shared/cases/06-aws-profile-file-locators-map-driven-swap.
package main

import (
	"log"
	"os"
	"sync"
)

type identity struct {
	name string
	env  map[string]string // AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE, AWS_PROFILE, AWS_REGION
}

type resolved struct{ profile, credsFile, region string }

// setupCloudEnv returns a cleanup that restores the previous values.
func setupCloudEnv(credsFile, configFile, profile, region string) func() {
	orig := map[string]string{}
	vars := map[string]string{
		"AWS_SHARED_CREDENTIALS_FILE": credsFile,
		"AWS_CONFIG_FILE":             configFile,
		"AWS_PROFILE":                 profile,
		"AWS_REGION":                  region,
	}
	for k, v := range vars {
		if old, ok := os.LookupEnv(k); ok { // cred-read-concurrent: k ranges over the AWS_* keys of the literal above // want `^os\.LookupEnv of "AWS_CONFIG_FILE", "AWS_PROFILE", "AWS_REGION" and 1 more reads a credential reachable from goroutine in main \(race: may see another request's value: races with os\.Setenv\("AWS_CONFIG_FILE"\) in setupCloudEnv\): the goroutine calls resolveIdentity, which eventually calls os\.LookupEnv$`
			orig[k] = old
		}
		if v != "" {
			os.Setenv(k, v) // setenv-concurrent: locators swapped under other resolutions // want `^os\.Setenv of "AWS_CONFIG_FILE", "AWS_PROFILE", "AWS_REGION" and 1 more reachable from goroutine in main`
		} else {
			os.Unsetenv(k) // unsetenv-concurrent // want `^os\.Unsetenv of "AWS_CONFIG_FILE", "AWS_PROFILE", "AWS_REGION" and 1 more reachable from goroutine in main`
		}
	}
	return func() {
		for k := range vars {
			if old, ok := orig[k]; ok {
				os.Setenv(k, old) // setenv-concurrent // want `^os\.Setenv of "AWS_CONFIG_FILE", .* reachable from goroutine in main`
			} else {
				os.Unsetenv(k) // unsetenv-concurrent // want `^os\.Unsetenv of "AWS_CONFIG_FILE", .* reachable from goroutine in main`
			}
		}
	}
}

// loadFromEnv stands in for an SDK default-config loader that locates the
// profile and files through these variables.
func loadFromEnv() resolved {
	return resolved{
		profile:   os.Getenv("AWS_PROFILE"),                 // cred-read-concurrent: profile selector // want `^os\.Getenv\("AWS_PROFILE"\) reads a credential reachable from goroutine in main \(race: may see another request's value: races with os\.Setenv\("AWS_PROFILE"\) in setupCloudEnv\)`
		credsFile: os.Getenv("AWS_SHARED_CREDENTIALS_FILE"), // cred-read-concurrent: credential-file locator // want `^os\.Getenv\("AWS_SHARED_CREDENTIALS_FILE"\) reads a credential`
		region:    os.Getenv("AWS_REGION"),                  // cred-read-concurrent: AWS_* family // want `^os\.Getenv\("AWS_REGION"\) reads a credential`
	}
}

func resolveIdentity(id identity) resolved {
	cleanup := setupCloudEnv(
		id.env["AWS_SHARED_CREDENTIALS_FILE"], // not reported: Go map lookup, not the environment
		id.env["AWS_CONFIG_FILE"],             // not reported: Go map lookup
		id.env["AWS_PROFILE"],                 // not reported: Go map lookup
		id.env["AWS_REGION"],                  // not reported: Go map lookup
	)
	defer cleanup()
	return loadFromEnv()
}

// resolveIdentityExplicit is the fix: pass files and profile to the loader
// and never touch the process env.
func resolveIdentityExplicit(id identity) resolved {
	return resolved{
		profile:   id.env["AWS_PROFILE"],                 // not reported: Go map lookup
		credsFile: id.env["AWS_SHARED_CREDENTIALS_FILE"], // not reported: Go map lookup
		region:    id.env["AWS_REGION"],                  // not reported: Go map lookup
	}
}

func main() {
	home, _ := os.UserHomeDir() // not reported: startup, before goroutines (reads HOME)
	ids := []identity{
		{"stack-prod", map[string]string{
			"AWS_SHARED_CREDENTIALS_FILE": home + "/.cache/authctl/prod/credentials",
			"AWS_CONFIG_FILE":             home + "/.cache/authctl/prod/config",
			"AWS_PROFILE":                 "prod-admin",
			"AWS_REGION":                  "us-east-1",
		}},
		{"stack-dev", map[string]string{
			"AWS_SHARED_CREDENTIALS_FILE": home + "/.cache/authctl/dev/credentials",
			"AWS_CONFIG_FILE":             home + "/.cache/authctl/dev/config",
			"AWS_PROFILE":                 "dev-readonly",
		}},
	}
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			r := resolveIdentity(id)
			e := resolveIdentityExplicit(id)
			log.Printf("%s: %+v vs %+v", id.name, r, e)
		})
	}
	wg.Wait()
}
