package main

import (
	"runtime/debug"
	"testing"
)

// TestVersionCommand: credlint version prints the module version of the
// build, (devel) for the test's build in the checkout (the proxy test of
// internal/proxytest checks a version installed with go install @version);
// -V=full carries the same version for go vet.
func TestVersionCommand(t *testing.T) {
	t.Parallel()
	r := credlint(t, t.TempDir(), "version")
	if r.code != exitOK || r.stdout != "credlint (devel)\n" || r.stderr != "" {
		t.Errorf("credlint version: want \"credlint (devel)\\n\"\n%s", r)
	}
	if r := credlint(t, t.TempDir(), "version", "./..."); r.code != exitError || r.stdout != "" {
		t.Errorf("credlint version ./...: want a usage error\n%s", r)
	}
	if r := credlint(t, t.TempDir(), "-V=full"); !versionField.MatchString(r.stdout) {
		t.Errorf("-V=full: want credlint@(devel) as its fourth field\n%s", r)
	}
}

func TestMainVersion(t *testing.T) {
	for _, tc := range []struct {
		bi   *debug.BuildInfo
		ok   bool
		want string
	}{
		{&debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, true, "v1.2.3"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261207230000-0123456789ab"}}, true, "v0.0.0-20261207230000-0123456789ab"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "(devel)"},
		{&debug.BuildInfo{}, true, "unknown"},
		{nil, false, "unknown"},
	} {
		if got := mainVersion(tc.bi, tc.ok); got != tc.want {
			t.Errorf("mainVersion(%+v) = %q, want %q", tc.bi, got, tc.want)
		}
	}
}

// TestShimHint: a credlint installed by version tells the user to go get
// the shim of its release; one built in a checkout, the replacement.
func TestShimHint(t *testing.T) {
	replace := "go mod edit -require=" + shimModule + "@v0.0.0 -replace=" + shimModule + "=/path/to/credlint/profileenv"
	dep := func(v string, r *debug.Module) *debug.BuildInfo {
		return &debug.BuildInfo{Deps: []*debug.Module{{Path: "golang.org/x/tools", Version: "v0.52.0"}, {Path: shimModule, Version: v, Replace: r}}}
	}
	for _, tc := range []struct {
		bi   *debug.BuildInfo
		want string
	}{
		{dep("v1.2.3", nil), "go get " + shimModule + "@v1.2.3"},
		{dep("(devel)", nil), replace},
		{dep("v0.0.0", &debug.Module{Path: "../profileenv"}), replace},
		{&debug.BuildInfo{}, replace},
	} {
		if got := shimHint(tc.bi, true); got != tc.want {
			t.Errorf("shimHint(%v) = %q, want %q", tc.bi.Deps, got, tc.want)
		}
	}
	if got := shimHint(nil, false); got != replace {
		t.Errorf("shimHint without build info = %q, want %q", got, replace)
	}
}
