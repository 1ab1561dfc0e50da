package main

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/credlint/credlint/internal/slowtest"
)

// The real inputs of the repository: examples/profileserver (the bug
// credlint exists for, in the root module) and testdata/realdeps (its own
// module, with the AWS SDK and openai-go from the module proxy). Both are
// analysed by the built binary standalone and under go vet.

// realEnv is testEnv without GOPROXY=off: realdeps needs its modules, which
// .ci/run downloads first and a newcomer's go test fetches from the proxy.
func realEnv() []string {
	var env []string
	for _, kv := range testEnv() {
		if !strings.HasPrefix(kv, "GOPROXY=") {
			env = append(env, kv)
		}
	}
	if p := os.Getenv("GOPROXY"); p != "" {
		env = append(env, "GOPROXY="+p)
	}
	return env
}

// annotated returns the lines of file ending in "// want: ..." and
// "// ok: ...".
func annotated(t *testing.T, file string) (wants, oks map[int]string) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	wants, oks = map[int]string{}, map[int]string{}
	ann := regexp.MustCompile(`//\s*(want|ok):`)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if m := ann.FindStringSubmatch(sc.Text()); m != nil {
			if m[1] == "want" {
				wants[n] = sc.Text()
			} else {
				oks[n] = sc.Text()
			}
		}
	}
	return wants, oks
}

// byLine indexes diagnostics in file base by line.
func byLine(diags []vetDiagnostic, base string) map[int][]vetDiagnostic {
	out := map[int][]vetDiagnostic{}
	for _, d := range diags {
		i := strings.LastIndex(d.Posn[:strings.LastIndex(d.Posn, ":")], ":")
		file, line := d.Posn[:i], d.Posn[i+1:strings.LastIndex(d.Posn, ":")]
		if filepath.Base(file) != base {
			continue
		}
		n, _ := strconv.Atoi(line)
		out[n] = append(out[n], d)
	}
	return out
}

// sdkWitness says which SDK function each realdeps finding must name and
// which standard-library access its witness must end in, and its rule:
// the SDKs' reads are another module's code with nothing writing them,
// the process's one identity, so advice (cred-read-shared) from the
// handlers as from the goroutine; TestRealdeps turns that rule on.
var sdkWitness = map[string][2]string{
	"config.LoadDefaultConfig": {"os.Getenv called here at github.com/aws/aws-sdk-go-v2/config/", "cred-read-shared"},
	"openai.NewClient":         {"os.LookupEnv called here at github.com/openai/openai-go/v3/", "cred-read-shared"},
}

func checkRealdeps(t *testing.T, mode string, diags []vetDiagnostic) {
	t.Helper()
	wants, oks := annotated(t, filepath.Join("..", "..", "testdata", "realdeps", "main.go"))
	found := byLine(diags, "main.go")
	for line, text := range wants {
		ok := false
		for _, d := range found[line] {
			for fn, w := range sdkWitness {
				if !strings.Contains(text, fn) || d.Category != w[1] || !strings.Contains(d.Message, "calls "+fn) {
					continue
				}
				last := d.Related[len(d.Related)-1].Message
				if strings.HasPrefix(last, w[0]) {
					ok = true
				} else {
					t.Errorf("%s: main.go:%d: witness ends in %q, want prefix %q", mode, line, last, w[0])
				}
			}
		}
		if !ok {
			t.Errorf("%s: main.go:%d: no finding through the SDK for %s\ngot %+v", mode, line, strings.TrimSpace(text), found[line])
		}
	}
	for line, text := range oks {
		if len(found[line]) > 0 {
			t.Errorf("%s: main.go:%d: unexpected finding for %s: %s", mode, line, strings.TrimSpace(text), found[line][0].Message)
		}
	}
}

// runBoth analyses dir with the built binary standalone and under go vet,
// both with -json and flags, and hands each mode's diagnostics to check.
func runBoth(t *testing.T, dir string, check func(t *testing.T, mode string, diags []vetDiagnostic), flags ...string) {
	args := append(append([]string{"-json"}, flags...), "./...")
	for _, mode := range []string{"standalone", "go vet"} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			var r result
			if mode == "standalone" {
				r = runIn(t, dir, realEnv(), credlintBin, args...)
				if r.code != exitFindings {
					t.Errorf("exit %d, want %d (findings)", r.code, exitFindings)
				}
			} else {
				r = goVet(t, dir, realEnv(), credlintBin, args...)
			}
			diags, errs := parseTree(t, r.stdout)
			if len(errs) > 0 {
				t.Fatalf("errors %v\n%s", errs, r)
			}
			check(t, mode, diags)
		})
	}
}

// TestRealdeps is slow: it analyses the AWS SDK and openai-go in both
// modes (minutes with a cold build cache).
func TestRealdeps(t *testing.T) {
	slowtest.Require(t, "analyses testdata/realdeps, the AWS SDK and openai-go, in both modes")
	t.Parallel()
	runBoth(t, filepath.Join("..", "..", "testdata", "realdeps"), checkRealdeps, "-rules=cred-read-shared")
}

// checkProfileserver checks the findings on the example: the mirror's
// writes in withProfileEnv, and the credential reads through the providers
// package from the handler and from the worker goroutine.
func checkProfileserver(t *testing.T, mode string, diags []vetDiagnostic) {
	t.Helper()
	var writes, handlerReads, workerReads int
	for _, d := range diags {
		switch {
		case d.Category == "env-write-concurrent" && strings.Contains(d.Message, "withProfileEnv"):
			writes++
		case d.Category == "cred-read-concurrent" && strings.Contains(d.Message, "HTTP handler") &&
			strings.Contains(d.Message, "calls providers.Status") && strings.Contains(d.Message, `"OPENAI_API_KEY"`):
			handlerReads++
			if last := d.Related[len(d.Related)-1]; !strings.Contains(last.Posn, "providers.go") {
				t.Errorf("%s: handler read witness does not reach providers.go: %+v", mode, d.Related)
			}
		case d.Category == "cred-read-concurrent" && strings.Contains(d.Message, "goroutine") &&
			strings.Contains(d.Message, "calls providers.Models"):
			workerReads++
		}
	}
	if writes < 3 || handlerReads != 1 || workerReads != 1 {
		t.Errorf("%s: %d mirror writes (want ≥3: set, restore, unset), %d handler reads, %d worker reads (want 1 each)\n%+v",
			mode, writes, handlerReads, workerReads, diags)
	}
}

func TestProfileserver(t *testing.T) {
	t.Parallel()
	runBoth(t, filepath.Join("..", "..", "examples", "profileserver"), checkProfileserver)
}
