package profiles

import (
	"os"
	"testing"
)

const tmpl = "cert=$CERT_BUNDLE_B64 pass=$APP_SECRET_CERT_PASSWORD"

// t.Setenv would panic under the parallel parent, so the helper reaches for
// os.Setenv: the panic is gone, the race is not.
func TestRenderProfiles(t *testing.T) {
	t.Parallel()
	write := func(t *testing.T) string {
		for k, v := range map[string]string{
			"CERT_BUNDLE_B64":          "ZXhhbXBsZQ==",
			"APP_SECRET_CERT_PASSWORD": "example-passphrase",
		} {
			if err := os.Setenv(k, v); err != nil { // setenv-concurrent: parallel test; names from the map literal // want `^os\.Setenv of "APP_SECRET_CERT_PASSWORD" and "CERT_BUNDLE_B64" reachable from parallel test TestRenderProfiles \(race: may race with os\.ExpandEnv\("APP_SECRET_CERT_PASSWORD"\) in Render\)$`
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Unsetenv(k) }) // unsetenv-concurrent: runs while other parallel tests read // want `^os\.Unsetenv of "APP_SECRET_CERT_PASSWORD" and "CERT_BUNDLE_B64" reachable from parallel test TestRenderProfiles`
		}
		return Render(tmpl) // cred-read-concurrent: ExpandEnv of $APP_SECRET_CERT_PASSWORD inside a parallel test // want `^os\.ExpandEnv of "APP_SECRET_CERT_PASSWORD" reads a credential reachable from parallel test TestRenderProfiles \(race: may see another test's value: races with os\.Setenv\("APP_SECRET_CERT_PASSWORD"\) in TestRenderProfiles\): TestRenderProfiles calls Render, which calls os\.ExpandEnv$`
	}
	t.Run("macos", func(t *testing.T) { _ = write(t) })
	t.Run("windows", func(t *testing.T) { _ = write(t) })
}

// Another parallel test can observe the fixture, or lose its own.
func TestRenderWithoutSecret(t *testing.T) {
	t.Parallel()
	if v := os.Getenv("APP_SECRET_CERT_PASSWORD"); v != "" { // cred-read-concurrent: sees TestRenderProfiles' value // want `^os\.Getenv\("APP_SECRET_CERT_PASSWORD"\) reads a credential reachable from parallel test TestRenderWithoutSecret \(race: may see another test's value: races with os\.Setenv\("APP_SECRET_CERT_PASSWORD"\) in TestRenderProfiles\)$`
		t.Logf("unexpected ambient secret of length %d", len(v))
	}
}

// Non-parallel parent with parallel subtests: the deferred Unsetenv runs when
// the parent function returns, which is before the parallel subtests resume.
func TestSubtestsLoseToken(t *testing.T) {
	os.Setenv("APP_SECRET_CERT_PASSWORD", "example-passphrase") // setenv-in-test: use t.Setenv // want `^os\.Setenv\("APP_SECRET_CERT_PASSWORD"\) in serial test TestSubtestsLoseToken runs before its parallel subtests, which start after it returns \(race: use t\.Setenv\)$`
	defer os.Unsetenv("APP_SECRET_CERT_PASSWORD")               // unsetenv-before-parallel-subtests // want `^os\.Unsetenv\("APP_SECRET_CERT_PASSWORD"\) in serial test TestSubtestsLoseToken runs before its parallel subtests`
	for _, name := range []string{"a", "b"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_ = Render(tmpl) // cred-read-concurrent: parallel subtest reads a value its parent already removed // want `^os\.ExpandEnv of "APP_SECRET_CERT_PASSWORD" reads a credential reachable from parallel subtest of TestSubtestsLoseToken \(race: may see another test's value: races with os\.Setenv\("APP_SECRET_CERT_PASSWORD"\) in TestSubtestsLoseToken\): the subtest calls Render, which calls os\.ExpandEnv$`
		})
	}
}

// Fix 1: keep the test parallel and stop using the process env.
func TestRenderProfilesFixed(t *testing.T) {
	t.Parallel()
	vars := map[string]string{"CERT_BUNDLE_B64": "ZXhhbXBsZQ==", "APP_SECRET_CERT_PASSWORD": "example-passphrase"}
	got := RenderWith(tmpl, func(k string) string { return vars[k] }) // not reported: explicit lookup
	if got == "" {
		t.Fatal("empty")
	}
}

// Fix 2: serial parent with t.Setenv; parallel subtests only read.
func TestSubtestsKeepToken(t *testing.T) {
	t.Setenv("APP_SECRET_CERT_PASSWORD", "example-passphrase") // not reported: parent not parallel; cleanup runs after subtests finish
	for _, name := range []string{"a", "b"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_ = Render(tmpl) // not reported: only subtests of this parent run now and none of them mutates the env
		})
	}
}
