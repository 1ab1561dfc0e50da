// Command releasesync renders each release's values template and then runs
// the deploy tool for that release; releases are processed concurrently. A
// contributed "setEnv" template function let a template export a variable "for
// the command that runs next". It writes the process environment, so one
// release's template changes the environment of every other release's deploy.
//
// Ported from /work/shared/cases-new/26-setenv-template-func-in-parallel-render.
package main

import (
	"bytes"
	"log"
	"os"
	"os/exec"
	"sort"
	"sync"
	"text/template"
)

// setEnvFunc is only ever called through the FuncMap below, by
// text/template's reflective call during Execute.
func setEnvFunc(key, value string) string {
	os.Setenv(key, value) // setenv-concurrent: called by templates executed on release goroutines; reached only through a FuncMap value // want `os\.Setenv\(<dynamic name>\)`
	return ""
}

var sharedFuncs = template.FuncMap{"setEnv": setEnvFunc}

type release struct {
	Name           string
	ValuesTemplate string // e.g. {{ setEnv "REGISTRY_PASSWORD" "..." }}image: app
}

// deploy is the buggy shape.
func deploy(r release) error {
	t, err := template.New(r.Name).Funcs(sharedFuncs).Parse(r.ValuesTemplate)
	if err != nil {
		return err
	}
	var values bytes.Buffer
	if err := t.Execute(&values, nil); err != nil {
		return err
	}
	return exec.Command("helm", "upgrade", "--install", r.Name, "--set-json", values.String()).Run() // exec-inherits-mutable-env: nil Env sees whatever other releases' templates exported // want `\(\*exec\.Cmd\)\.Run starts a child process`
}

// deployIsolated is the fix: setEnv writes a release-local map, and the map is
// handed to this release's child only.
func deployIsolated(base []string, r release) error {
	relEnv := map[string]string{}
	funcs := template.FuncMap{"setEnv": func(k, v string) string {
		relEnv[k] = v // not reported: release-local map, never the process env
		return ""
	}}
	t, err := template.New(r.Name).Funcs(funcs).Parse(r.ValuesTemplate)
	if err != nil {
		return err
	}
	var values bytes.Buffer
	if err := t.Execute(&values, nil); err != nil {
		return err
	}
	env := append([]string{}, base...)
	keys := make([]string, 0, len(relEnv))
	for k := range relEnv {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		env = append(env, k+"="+relEnv[k])
	}
	cmd := exec.Command("helm", "upgrade", "--install", r.Name, "--set-json", values.String()) // not reported: Env is set below
	cmd.Env = env
	return cmd.Run() // not reported: explicit env from the startup snapshot plus this release's own variables
}

func main() {
	base := os.Environ() // not reported: startup snapshot, before the release goroutines start
	releases := []release{
		{Name: "api", ValuesTemplate: `{{ setEnv "REGISTRY_PASSWORD" "example-api-pass" }}{"image":"api"}`},
		{Name: "web", ValuesTemplate: `{{ setEnv "REGISTRY_PASSWORD" "example-web-pass" }}{"image":"web"}`},
	}
	var wg sync.WaitGroup
	for _, r := range releases {
		wg.Go(func() {
			if err := deploy(r); err != nil {
				log.Print(err)
			}
			if err := deployIsolated(base, r); err != nil {
				log.Print(err)
			}
		})
	}
	wg.Wait()
}
