package release

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/credlint/credlint/internal/workspace"
)

const (
	// gateEnv turns TestInstallByVersion on; .ci/run sets it.
	gateEnv = "CREDLINT_RELEASE"
	// testVersion is the version the working tree is published at: a
	// release version that is never tagged.
	testVersion = "v0.99.0"
	// golangciVersion is the golangci-lint of scripts/build-golangci.sh.
	golangciVersion = "v2.15.0"
	golangciModule  = "github.com/golangci/golangci-lint/v2"
	golangciGit     = "https://github.com/golangci/golangci-lint.git"
	credlintModule  = "github.com/credlint/credlint"
	shimModule      = "github.com/credlint/credlint/profileenv"
	exampleModule   = "github.com/credlint/credlint/examples/profileserver"
)

// TestInstallByVersion proves that a release installs by version (issue
// 15), without publishing anything: it publishes the working tree's
// released modules at testVersion to a module proxy on disk (publish),
// and then, with a scratch GOPATH and module cache, that proxy and the
// module cache's own download directory (file://$GOMODCACHE/cache/download,
// for the third-party modules) as the only GOPROXY, and GOSUMDB=off:
//
//   - go install github.com/credlint/credlint/cmd/credlint@testVersion,
//     whose binary reports the bug of examples/profileserver (copied out
//     to a module of its own) and says its version; the action's install
//     step (scripts/ci-action.sh install) at that version;
//   - a user module that requires profileenv (and the first SDK adapter
//     under profileenv/, when there is one) at testVersion with go get,
//     builds, and builds again after credlint -fix, with no replace; in
//     one that does not require it, -fix says to go get it at that
//     version, and the module builds once it has;
//   - golangci-lint custom (the real command, installed at golangciVersion
//     from the same proxy) with a `version:` entry for the plugin, whose
//     binary reports on the example.
//
// It needs the module cache to hold what those builds download: it first
// fills it through the ordinary GOPROXY (go mod download), which is all
// the network it uses. It takes minutes (golangci-lint is built twice), so
// it runs only with CREDLINT_RELEASE=1, as CI does:
//
//	CREDLINT_RELEASE=1 go test -count=1 -timeout=60m -v -run=TestInstallByVersion ./internal/release
func TestInstallByVersion(t *testing.T) {
	if os.Getenv(gateEnv) != "1" {
		t.Skipf("slow (publishes the modules to a proxy on disk, installs credlint and builds golangci-lint twice "+
			"from it): skipped; set %s=1 to run it (CI does)", gateEnv)
	}
	start := time.Now()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	mods, err := workspace.Released(root)
	if err != nil {
		t.Fatal(err)
	}
	s := newScratch(t, root)
	s.fillModuleCache(t, mods)
	publish(t, s.proxy, mods, testVersion)
	t.Logf("proxy ready in %s", time.Since(start).Round(time.Second))

	var credlint string
	t.Run("go install", func(t *testing.T) { credlint = s.installCredlint(t) })
	t.Run("user module", func(t *testing.T) {
		if credlint == "" {
			t.Skip("go install failed")
		}
		s.userModule(t, credlint, mods)
	})
	t.Run("golangci-lint custom", func(t *testing.T) { s.golangciCustom(t) })
	t.Logf("TestInstallByVersion took %s", time.Since(start).Round(time.Second))
}

// scratch is the world the test installs into.
type scratch struct {
	root     string // this checkout
	dir      string // scratch root: gopath, modcache, bin, proxy, work
	proxy    string // the module proxy directory
	realMods string // the ordinary module cache, GOMODCACHE
	example  string // examples/profileserver as a module of its own, go.sum complete
}

func newScratch(t *testing.T, root string) *scratch {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	s := &scratch{root: root, dir: dir, proxy: filepath.Join(dir, "proxy")}
	s.realMods = strings.TrimSpace(run(t, root, os.Environ(), "go", "env", "GOMODCACHE"))
	// The module cache is read-only; go clean -modcache removes it.
	t.Cleanup(func() {
		exec.Command("chmod", "-R", "u+w", dir).Run()
	})
	return s
}

// env is the scratch environment: the scratch GOPATH, module cache and
// GOBIN, the two file proxies and nothing else, no checksum database, no
// go.work, no toolchain download, no go env file; the build cache is the
// user's (only the module cache must start empty). flags is GOFLAGS.
func (s *scratch) env(flags string, extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "GIT_") || (strings.HasPrefix(k, "GO") && k != "GOCACHE" && k != "GOROOT" && k != "GOTMPDIR") {
			continue
		}
		env = append(env, kv)
	}
	return append(append(env,
		"GOPATH="+filepath.Join(s.dir, "gopath"),
		"GOMODCACHE="+filepath.Join(s.dir, "modcache"),
		"GOBIN="+filepath.Join(s.dir, "bin"),
		"GOPROXY=file://"+filepath.ToSlash(s.proxy)+",file://"+filepath.ToSlash(filepath.Join(s.realMods, "cache", "download")),
		"GOSUMDB=off", "GOWORK=off", "GOTOOLCHAIN=local", "GOENV=off",
		"GOFLAGS="+flags,
		// Only local git repositories (golangci-lint custom's clone).
		"GIT_ALLOW_PROTOCOL=file",
	), extra...)
}

// buildFlags are the GOFLAGS of the scratch builds: -trimpath keeps the
// scratch module cache's path out of the build cache's keys, so that
// reruns of the test reuse the compiled packages.
const buildFlags = "-trimpath"

// fillModuleCache downloads, through the ordinary GOPROXY, what the
// scratch builds will take from the module cache: the modules of the
// workspace, golangci-lint's, and those of golangci-lint with credlint
// (what golangci-lint custom's go mod tidy selects). It writes the local
// git repository golangci-lint custom clones (see golangciCustom).
func (s *scratch) fillModuleCache(t *testing.T, mods []workspace.Module) {
	t.Helper()
	real := slices.Clip(append(os.Environ(), "GOWORK="+filepath.Join(s.root, "go.work"), "GOFLAGS="))
	run(t, s.root, real, "go", "mod", "download")
	var dl struct{ Dir, Error string }
	out := run(t, s.dir, append(real, "GOWORK=off"), "go", "mod", "download", "-json", golangciModule+"@"+golangciVersion)
	if err := json.Unmarshal([]byte(out), &dl); err != nil || dl.Dir == "" {
		t.Fatalf("go mod download %s@%s: %v %s", golangciModule, golangciVersion, err, dl.Error)
	}
	standalone := slices.Clip(append(real, "GOWORK=off"))
	// golangci-lint's source at its tag, in a git repository.
	plain := s.copyTree(t, dl.Dir, "golangci-lint.git")
	git := []string{"-c", "user.name=credlint", "-c", "user.email=credlint@localhost", "-c", "init.defaultBranch=main"}
	run(t, plain, standalone, "git", append(git, "init", "-q")...)
	run(t, plain, standalone, "git", append(git, "add", "-A", "-f", ".")...)
	run(t, plain, standalone, "git", append(git, "commit", "-q", "-m", golangciModule+"@"+golangciVersion)...)
	run(t, plain, standalone, "git", "tag", golangciVersion)
	run(t, plain, standalone, "go", "mod", "download")
	combined := s.copyTree(t, dl.Dir, "golangci-lint-combined")
	edits := []string{"mod", "edit", "-require=" + credlintModule + "@v0.0.0"}
	for _, m := range mods {
		edits = append(edits, "-replace="+m.Path+"="+m.Dir)
		if m.Path != credlintModule {
			edits = append(edits, "-require="+m.Path+"@v0.0.0")
		}
	}
	run(t, combined, standalone, "go", edits...)
	if err := os.WriteFile(filepath.Join(combined, "cmd", "golangci-lint", "plugins.go"),
		[]byte("package main\n\nimport _ \""+credlintModule+"/plugin/golangci\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, combined, standalone, "go", "mod", "tidy")
}

// copyTree copies the read-only module directory src to a writable name
// under the scratch directory.
func (s *scratch) copyTree(t *testing.T, src, name string) string {
	t.Helper()
	dst := filepath.Join(s.dir, name)
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	run(t, s.dir, os.Environ(), "chmod", "-R", "u+w", dst)
	return dst
}

// installCredlint installs credlint by version and checks it on the
// example; it returns the binary.
func (s *scratch) installCredlint(t *testing.T) string {
	start := time.Now()
	run(t, s.dir, s.env(buildFlags), "go", "install", credlintModule+"/cmd/credlint@"+testVersion)
	bin := filepath.Join(s.dir, "bin", "credlint")
	t.Logf("go install %s/cmd/credlint@%s: %s", credlintModule, testVersion, time.Since(start).Round(time.Second))
	if out := run(t, s.dir, s.env(""), bin, "version"); out != "credlint "+testVersion+"\n" {
		t.Errorf("credlint version: %q, want %q", out, "credlint "+testVersion+"\n")
	}
	if out := run(t, s.dir, s.env(""), bin, "-V=full"); !strings.Contains(out, " credlint@"+testVersion+" buildID=") {
		t.Errorf("credlint -V=full: %q, want credlint@%s", out, testVersion)
	}
	if mv := run(t, s.dir, s.env(""), "go", "version", "-m", bin); !strings.Contains(mv, "\tdep\t"+shimModule+"\t"+testVersion+"\t") {
		t.Errorf("the installed credlint was not built with %s@%s:\n%s", shimModule, testVersion, mv)
	}
	// The action's install step, at that version.
	actionBin := filepath.Join(s.dir, "action", "credlint")
	out := run(t, s.dir, s.env("", "CREDLINT_BIN="+actionBin, "INPUT_VERSION="+testVersion, "CREDLINT_ACTION_REF=v0.0.1"),
		"bash", filepath.Join(s.root, "scripts", "ci-action.sh"), "install")
	if !strings.Contains(out, "("+"credlint "+testVersion+")") {
		t.Errorf("ci-action.sh install: want credlint %s installed:\n%s", testVersion, out)
	}
	s.example = s.copyExample(t, "example")
	code, stdout, stderr := runCode(t, s.example, s.env(""), bin, "./...")
	if code != 3 || !hasLine(stdout, "providers/providers.go:47:", `os.Getenv of "ANTHROPIC_API_KEY" and "OPENAI_API_KEY"`, "[cred-read-concurrent]") {
		t.Errorf("credlint ./... on the example: exit %d, want 3 and the race on the providers' os.Getenv\n%s\n%s", code, stdout, stderr)
	}
	return bin
}

// userModule: a module that requires profileenv (and an adapter) at the
// release's version takes credlint's fixes and builds, without replace.
func (s *scratch) userModule(t *testing.T, credlint string, mods []workspace.Module) {
	dir := s.copyExample(t, "user")
	run(t, dir, s.env(""), "go", "get", shimModule+"@"+testVersion)
	// The hook for the SDK adapters (profileenv/<name>env, released with
	// the same version): the first one is required too, and imported when
	// its module root is a package.
	for _, m := range mods {
		if m.Path == credlintModule || m.Path == shimModule {
			continue
		}
		run(t, dir, s.env(""), "go", "get", m.Path+"@"+testVersion)
		if goFiles, _ := filepath.Glob(filepath.Join(m.Dir, "*.go")); len(goFiles) > 0 {
			imp := "package main\n\nimport _ \"" + m.Path + "\"\n"
			if err := os.WriteFile(filepath.Join(dir, "adapter.go"), []byte(imp), 0o644); err != nil {
				t.Fatal(err)
			}
			run(t, dir, s.env(""), "go", "mod", "tidy")
		}
		t.Logf("the user module requires the adapter %s@%s", m.Path, testVersion)
		break
	}
	run(t, dir, s.env(""), "go", "build", "./...")
	// As in the example's README: the reads of package providers move
	// onto profileenv; the mirror's writes remain, a manual step (exit 3).
	code, stdout, stderr := runCode(t, dir, s.env(""), credlint, "-context-reads", "-fix", "./...")
	if code != 3 {
		t.Fatalf("credlint -context-reads -fix ./...: exit %d, want 3 (the mirror's writes remain)\n%s\n%s", code, stdout, stderr)
	}
	fixed, _ := os.ReadFile(filepath.Join(dir, "providers", "providers.go"))
	if !strings.Contains(string(fixed), `"`+shimModule+`"`) || !strings.Contains(string(fixed), `profileenv.Getenv(ctx, "MISTRAL_API_KEY")`) {
		t.Errorf("credlint -fix did not move providers.go's reads onto %s:\n%s\n%s", shimModule, stderr, fixed)
	}
	gomod, _ := os.ReadFile(filepath.Join(dir, "go.mod"))
	if bytes.Contains(gomod, []byte("replace")) || !bytes.Contains(gomod, []byte(shimModule+" "+testVersion)) {
		t.Errorf("go.mod after -fix: want %s %s and no replace:\n%s", shimModule, testVersion, gomod)
	}
	run(t, dir, s.env(""), "go", "build", "./...")
	run(t, dir, s.env(""), "go", "vet", "./...")

	// A module that does not require profileenv yet: -fix says to go get
	// it at credlint's own version, which then builds.
	dir = s.copyExample(t, "user-new")
	hint := "go get " + shimModule + "@" + testVersion
	code, stdout, stderr = runCode(t, dir, s.env(""), credlint, "-context-reads", "-fix", "./...")
	if code != 3 || !hasLine(stderr, hint) {
		t.Fatalf("credlint -fix in a module without profileenv: exit %d, want 3 and the hint %q\n%s\n%s", code, hint, stdout, stderr)
	}
	run(t, dir, s.env(""), "go", strings.Fields(hint)[1:]...)
	run(t, dir, s.env(""), "go", "build", "./...")
}

// golangciCustom runs the real golangci-lint custom, installed from the
// proxy, with a `version:` entry for the plugin. It clones golangci-lint
// from GitHub (git clone --branch VERSION https://github.com/golangci/...):
// git's url.<base>.insteadOf, given in the GIT_CONFIG_* variables it
// passes on to git, sends that clone to the local repository of
// golangci-lint's module source at its tag (fillModuleCache); its go get
// of the plugin then comes from the proxy.
func (s *scratch) golangciCustom(t *testing.T) {
	start := time.Now()
	run(t, s.dir, s.env(buildFlags), "go", "install", golangciModule+"/cmd/golangci-lint@"+golangciVersion)
	t.Logf("go install golangci-lint@%s: %s", golangciVersion, time.Since(start).Round(time.Second))
	work := filepath.Join(s.dir, "custom")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := "version: " + golangciVersion + "\nname: custom-gcl\ndestination: .\nplugins:\n" +
		"  - module: " + credlintModule + "\n    import: " + credlintModule + "/plugin/golangci\n    version: " + testVersion + "\n"
	if err := os.WriteFile(filepath.Join(work, ".custom-gcl.yml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	repo := "file://" + filepath.ToSlash(filepath.Join(s.dir, "golangci-lint.git"))
	run(t, work, s.env(buildFlags, "GIT_CONFIG_COUNT=1", "GIT_CONFIG_KEY_0=url."+repo+".insteadOf", "GIT_CONFIG_VALUE_0="+golangciGit),
		filepath.Join(s.dir, "bin", "golangci-lint"), "custom", "-v")
	t.Logf("golangci-lint custom: %s", time.Since(start).Round(time.Second))
	gcl := filepath.Join(work, "custom-gcl")
	if mv := run(t, work, s.env(""), "go", "version", "-m", gcl); !strings.Contains(mv, "\tdep\t"+credlintModule+"\t"+testVersion+"\t") {
		t.Errorf("custom-gcl was not built with %s@%s:\n%s", credlintModule, testVersion, mv)
	}
	if s.example == "" {
		s.example = s.copyExample(t, "example")
	}
	code, stdout, stderr := runCode(t, s.example, s.env("", "GOLANGCI_LINT_CACHE="+filepath.Join(s.dir, "gcl-cache")), gcl,
		"run", "--config", filepath.Join(s.root, ".golangci-plugin.yml"), "--output.json.path=stdout", "--show-stats=false", "./...")
	var report struct {
		Issues []struct{ FromLinter, Text string }
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("custom-gcl run: exit %d, no JSON report: %v\n%s\n%s", code, err, stdout, stderr)
	}
	found := false
	for _, is := range report.Issues {
		found = found || (is.FromLinter == "credlint" && strings.Contains(is.Text, `"OPENAI_API_KEY"`) &&
			strings.Contains(is.Text, "handleProviders calls providers.Status"))
	}
	if code != 1 || !found {
		t.Errorf("custom-gcl run on the example: exit %d, want 1 and credlint's finding on OPENAI_API_KEY from handleProviders\n%s\n%s", code, stdout, stderr)
	}
}

// copyExample copies examples/profileserver to a module of its own
// (example.com/profileserver), its import paths rewritten, builds it
// (which completes its go.sum from the proxy) and returns its directory.
func (s *scratch) copyExample(t *testing.T, name string) string {
	t.Helper()
	src := filepath.Join(s.root, "examples", "profileserver")
	dst := filepath.Join(s.dir, name)
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		data = bytes.ReplaceAll(data, []byte(exampleModule), []byte("example.com/profileserver"))
		if err := os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	gomod := "module example.com/profileserver\n\ngo 1.26.0\n\nrequire github.com/joho/godotenv v1.5.1\n"
	if err := os.WriteFile(filepath.Join(dst, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, dst, s.env("-mod=mod"), "go", "build", "./...")
	return dst
}

// hasLine reports whether one line of out contains every part.
func hasLine(out string, parts ...string) bool {
	for line := range strings.SplitSeq(out, "\n") {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(line, p)
		}
		if ok {
			return true
		}
	}
	return false
}

// run runs name in dir and returns its stdout; it fails the test when the
// command fails.
func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	code, stdout, stderr := runCode(t, dir, env, name, args...)
	if code != 0 {
		t.Fatalf("%s %s (in %s): exit %d\n%s\n%s", name, strings.Join(args, " "), dir, code, stdout, lastLines(stderr, 60))
	}
	return stdout
}

func runCode(t *testing.T, dir string, env []string, name string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode(), stdout.String(), stderr.String()
	case err != nil:
		t.Fatalf("%s: %v", name, err)
	}
	return 0, stdout.String(), stderr.String()
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{"..."}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}
