// Command costsync estimates cloud usage for several projects in parallel.
// Each project may carry its own AWS_* settings in a config-file "env" block.
//
// Ported from /work/shared/cases/02-aws-sdk-swap-restore-clearenv. The AWS
// SDK is a stub under testdata/src/github.com/aws/aws-sdk-go-v2 whose
// LoadDefaultConfig reads AWS_* from the process environment.
package main

import (
	"context"
	"log"
	"os"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

type project struct {
	name string
	env  map[string]string // per-project overrides from the config file
}

var configMu sync.Mutex

// loadConfigSwap is the shape of the first fix: take a lock, overlay the
// project's env, let the SDK read it, then rebuild the env from a snapshot.
// The lock serialises callers of this function only.
func loadConfigSwap(ctx context.Context, p project) (aws.Config, error) {
	configMu.Lock()
	defer configMu.Unlock()

	saved := os.Environ() // cred-read-concurrent: whole-env snapshot in a worker // want `^os\.Environ\(\) copies the whole environment, credentials included, reachable from goroutine in main \(race: the writes in view, such as os\.Clearenv\(\) in loadConfigSwap, hold a lock it holds too; low risk while every writer takes it\): the goroutine calls loadConfigSwap, which calls os\.Environ$`
	for k, v := range p.env {
		os.Setenv(k, v) // setenv-concurrent: names are config data // want `^os\.Setenv\(<dynamic name>\) reachable from goroutine in main`
	}
	cfg, err := config.LoadDefaultConfig(ctx) // lib-env-read-concurrent: the SDK reads AWS_* // want `^os\.Getenv of "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_CONFIG_FILE" and \d+ more reads a credential reachable from goroutine in main \(race: the writes in view, such as os\.Clearenv\(\) in loadConfigSwap, hold a lock it holds too; low risk while every writer takes it\) \(fix: add awsenv\.With\(ctx\)\.\.\., the profile's credentials as explicit options\): the goroutine calls loadConfigSwap, which calls config\.LoadDefaultConfig, which eventually calls os\.Getenv$`

	os.Clearenv() // clearenv-concurrent: for a moment every goroutine sees an empty env // want `^os\.Clearenv\(\) reachable from goroutine in main`
	for _, kv := range saved {
		k, v, _ := strings.Cut(kv, "=")
		os.Setenv(k, v) // setenv-concurrent // want `^os\.Setenv\(<dynamic name>\) reachable from goroutine in main`
	}
	return cfg, err
}

// estimateUsage is a second, unlocked SDK entry point in the same worker.
func estimateUsage(ctx context.Context, p project) error {
	cfg, err := config.LoadDefaultConfig(ctx) // lib-env-read-concurrent: does not take configMu // want `^os\.Getenv of "AWS_ACCESS_KEY", .* reads a credential reachable from goroutine in main .* \(fix: add awsenv\.With\(ctx\)\.\.\., the profile's credentials as explicit options\): the goroutine calls estimateUsage, which calls config\.LoadDefaultConfig, which eventually calls os\.Getenv$`
	if err != nil {
		return err
	}
	log.Printf("%s: region %s", p.name, cfg.Region)
	return nil
}

// clientConfigFor is the fix: derive per-project config from a base loaded
// once at startup and pass credentials explicitly.
func clientConfigFor(base aws.Config, p project) aws.Config {
	cfg := base.Copy()
	if r := p.env["AWS_REGION"]; r != "" { // not reported: Go map lookup, not the process env
		cfg.Region = r
	}
	if id := p.env["AWS_ACCESS_KEY_ID"]; id != "" { // not reported: Go map lookup
		cfg.Credentials = credentials.NewStaticCredentialsProvider(id, p.env["AWS_SECRET_ACCESS_KEY"], p.env["AWS_SESSION_TOKEN"]) // not reported: explicit credentials
	}
	return cfg
}

func main() {
	ctx := context.Background()
	base, err := config.LoadDefaultConfig(ctx) // not reported: startup, before any goroutine
	if err != nil {
		log.Fatal(err)
	}
	projects := []project{
		{name: "storefront", env: map[string]string{"AWS_ACCESS_KEY_ID": "EXAMPLEKEYID0001", "AWS_SECRET_ACCESS_KEY": "example-secret-1"}},
		{name: "analytics", env: map[string]string{"AWS_PROFILE": "analytics-readonly", "AWS_REGION": "eu-west-1"}},
	}
	var wg sync.WaitGroup
	for _, p := range projects {
		wg.Go(func() {
			if _, err := loadConfigSwap(ctx, p); err != nil {
				log.Print(err)
			}
			if err := estimateUsage(ctx, p); err != nil {
				log.Print(err)
			}
			_ = clientConfigFor(base, p)
		})
	}
	wg.Wait()
}
