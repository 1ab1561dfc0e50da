package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The composite action (action.yml) runs scripts/ci-action.sh; these tests
// run its steps as plain shell, and keep action.yml and the script in step.

var (
	actionYML    = filepath.Join("..", "..", "action.yml")
	actionScript = filepath.Join("..", "..", "scripts", "ci-action.sh")
)

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestActionYAML checks that every input the action uses is declared,
// every declared input is used, every step runs a subcommand the script
// has, and the script reads exactly the INPUT_ variables the action sets.
func TestActionYAML(t *testing.T) {
	yml, script := readFile(t, actionYML), readFile(t, actionScript)
	_, afterInputs, _ := strings.Cut(yml, "\ninputs:\n")
	inputsBlock, _, _ := strings.Cut(afterInputs, "\noutputs:\n")
	var declared []string
	for _, m := range regexp.MustCompile(`(?m)^  ([a-z-]+):$`).FindAllStringSubmatch(inputsBlock, -1) {
		declared = append(declared, m[1])
	}
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`inputs\.([a-z-]+)`).FindAllStringSubmatch(yml, -1) {
		used[m[1]] = true
		if !slices.Contains(declared, m[1]) {
			t.Errorf("action.yml uses inputs.%s, which it does not declare", m[1])
		}
	}
	for _, d := range declared {
		if !used[d] {
			t.Errorf("action.yml declares input %s and never uses it", d)
		}
	}
	for _, m := range regexp.MustCompile(`run: '"\$GITHUB_ACTION_PATH/scripts/ci-action.sh" (\w+)'`).FindAllStringSubmatch(yml, -1) {
		if !strings.Contains(script, "\n"+m[1]+"() {") {
			t.Errorf("action.yml runs ci-action.sh %s, which the script does not have", m[1])
		}
	}
	if n := strings.Count(yml, "run: "); n != 3 {
		t.Errorf("%d run steps; want install, run and gate, each through the script", n)
	}
	env := regexp.MustCompile(`INPUT_[A-Z_]+`)
	set, read := env.FindAllString(yml, -1), env.FindAllString(script, -1)
	for _, v := range read {
		if !slices.Contains(set, v) {
			t.Errorf("ci-action.sh reads %s, which action.yml does not set", v)
		}
	}
	for _, v := range set {
		if !slices.Contains(read, v) {
			t.Errorf("action.yml sets %s, which ci-action.sh does not read", v)
		}
	}
}

func actionEnv(extra ...string) []string {
	return append(testEnv("CREDLINT_BIN="+credlintBin), extra...)
}

func outputs(t *testing.T, file string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(readFile(t, file)), "\n") {
		k, v, _ := strings.Cut(line, "=")
		out[k] = v
	}
	return out
}

// TestActionSteps runs the run and gate steps as the action does.
func TestActionSteps(t *testing.T) {
	t.Parallel()
	script, err := filepath.Abs(actionScript)
	if err != nil {
		t.Fatal(err)
	}
	dir := copyCI(t)
	ghOut := filepath.Join(t.TempDir(), "github_output")

	r := runIn(t, dir, actionEnv("GITHUB_OUTPUT="+ghOut, "INPUT_FORMAT=sarif", "INPUT_BASELINE=credlint.baseline", "INPUT_FLAGS=-test=false -srcroot=. "+ciRules), "bash", script, "run")
	out := outputs(t, ghOut)
	if r.code != 0 || out["exit-code"] != "3" || out["report"] != filepath.Join(dir, "credlint.sarif") {
		t.Fatalf("run (sarif): want exit 0 with exit-code=3 and the report's path; outputs %v\n%s", out, r)
	}
	if err := validateFile(out["report"]); err != nil {
		t.Errorf("the action's SARIF report: %v", err)
	}

	os.Remove(ghOut)
	r = runIn(t, dir, actionEnv("GITHUB_OUTPUT="+ghOut, "INPUT_FORMAT=github", "INPUT_PACKAGES=./lib ./app", "INPUT_WORKING_DIRECTORY=.", "INPUT_FLAGS="+ciRules), "bash", script, "run")
	if out = outputs(t, ghOut); r.code != 0 || out["exit-code"] != "3" || strings.Count(r.stdout, "\n::") != 3 || out["report"] != "" {
		t.Errorf("run (github): want the annotations in the log and exit-code=3; outputs %v\n%s", out, r)
	}

	os.Remove(ghOut)
	r = runIn(t, dir, actionEnv("GITHUB_OUTPUT="+ghOut, "INPUT_FORMAT=xml"), "bash", script, "run")
	if out = outputs(t, ghOut); r.code != 0 || out["exit-code"] != "1" || !strings.Contains(r.stdout, "::error title=credlint::unknown format 'xml'") {
		t.Errorf("run (bad format): want exit-code=1 and an error annotation; outputs %v\n%s", out, r)
	}

	for _, tc := range []struct {
		code, fail string
		want       int
	}{{"0", "true", 0}, {"3", "true", 3}, {"3", "false", 0}, {"1", "false", 1}} {
		r := runIn(t, dir, actionEnv("CREDLINT_EXIT_CODE="+tc.code, "INPUT_FAIL_ON_FINDINGS="+tc.fail), "bash", script, "gate")
		if r.code != tc.want {
			t.Errorf("gate with exit code %s, fail-on-findings %s: exit %d, want %d", tc.code, tc.fail, r.code, tc.want)
		}
	}
}

// TestActionInstall: the install step runs go install of credlint's
// command at the version input, or else at the action's own ref (a fake go
// records what it is asked; internal/release's TestInstallByVersion runs
// the real one against a module proxy); with neither it builds the
// action's checkout (TestActionBuild).
func TestActionInstall(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	script, _ := filepath.Abs(actionScript)
	fake := t.TempDir()
	goScript := "#!/bin/sh\necho \"$PWD|GOFLAGS=$GOFLAGS|$*\" >>\"$FAKE_GO_LOG\"\nprintf '#!/bin/sh\\necho credlint v1.2.3\\n' >\"$GOBIN/credlint\"\nchmod +x \"$GOBIN/credlint\"\n"
	if err := os.WriteFile(filepath.Join(fake, "go"), []byte(goScript), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ version, ref, want string }{
		{"v1.2.3", "v9.9.9", "@v1.2.3"},
		{"", "v1.2.3", "@v1.2.3"},
		{"latest", "", "@latest"},
	} {
		log := filepath.Join(t.TempDir(), "go.log")
		bin := filepath.Join(t.TempDir(), "sub", "credlint")
		env := append(os.Environ(), "PATH="+fake+string(os.PathListSeparator)+os.Getenv("PATH"), "FAKE_GO_LOG="+log,
			"CREDLINT_BIN="+bin, "INPUT_VERSION="+tc.version, "CREDLINT_ACTION_REF="+tc.ref, "GOFLAGS=-mod=vendor")
		r := runIn(t, t.TempDir(), env, "bash", script, "install")
		calls := strings.Split(strings.TrimSpace(readFile(t, log)), "\n")
		if r.code != 0 || len(calls) != 1 || !strings.HasSuffix(calls[0], "|GOFLAGS=|install github.com/credlint/credlint/cmd/credlint"+tc.want) {
			t.Errorf("install with version %q, action ref %q: want one go install ...cmd/credlint%s without GOFLAGS; ran %q\n%s",
				tc.version, tc.ref, tc.want, calls, r)
		}
		if !strings.Contains(r.stdout, "as "+bin+" (credlint v1.2.3)") {
			t.Errorf("install: the binary is not at CREDLINT_BIN %s:\n%s", bin, r)
		}
	}
}

// TestActionBuild runs the install step without a version, which builds
// the checkout, and the build step.
func TestActionBuild(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	script, _ := filepath.Abs(actionScript)
	bin := filepath.Join(t.TempDir(), "credlint")
	env := append(os.Environ(), "CREDLINT_BIN="+bin, "GOFLAGS=")
	for _, step := range []string{"install", "build"} {
		r := runIn(t, t.TempDir(), append(env, "INPUT_VERSION=", "CREDLINT_ACTION_REF="), "bash", script, step)
		if r.code != 0 || !strings.Contains(r.stdout, "credlint: built "+bin) {
			t.Fatalf("%s:\n%s", step, r)
		}
	}
	if r := runIn(t, t.TempDir(), env, bin, "-V=full"); r.code != 0 || !strings.Contains(r.stdout, "credlint@") {
		t.Errorf("the built binary:\n%s", r)
	}
}

func validateFile(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	return validateSARIF(data)
}
