package logsink

import "testing"

// Parallel parent, subtests call t.Setenv: panics at run time
// ("cannot set environment variables in parallel tests"), but only when the
// subtest actually runs, so a filtered or skipped CI run can hide it.
func TestSinkSelection(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, env, want string }{
		{"stdout", "stdout", "stdout"},
		{"unknown", "syslog", "file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("APP_LOG_SINK", tc.env) // tsetenv-parallel: parallel ancestor // want `^t\.Setenv\("APP_LOG_SINK"\) in parallel test TestSinkSelection panics at run time \(race: cannot set environment variables in parallel tests\)$`
			if got := SinkFromEnv(); got != tc.want {
				t.Fatalf("got %q", got)
			}
		})
	}
}

// The helper hides t.Setenv from a reader of the test body.
func setUploadToken(t *testing.T, v string) {
	t.Helper()
	t.Setenv("APP_UPLOAD_TOKEN", v) // not reported: not a finding by itself; attributed to the parallel call site below
}

func TestUploadTokenParallel(t *testing.T) {
	t.Parallel()
	setUploadToken(t, "example-token") // tsetenv-parallel: via helper // want `^t\.Setenv\("APP_UPLOAD_TOKEN"\) in parallel test TestUploadTokenParallel panics at run time \(race: cannot set environment variables in parallel tests\): TestUploadTokenParallel calls setUploadToken, which calls t\.Setenv$`
	if UploadToken() == "" {
		t.Fatal("empty")
	}
}

func TestUploadTokenSerial(t *testing.T) {
	setUploadToken(t, "example-token") // not reported: test is not parallel and has no parallel ancestor
	if UploadToken() == "" {
		t.Fatal("empty")
	}
}

// Order reversed: t.Parallel after t.Setenv also panics.
func TestSetenvThenParallel(t *testing.T) {
	t.Setenv("APP_UPLOAD_TOKEN", "example-token") // tsetenv-parallel: t.Parallel below // want `^t\.Setenv\("APP_UPLOAD_TOKEN"\) in parallel test TestSetenvThenParallel panics`
	t.Parallel()
	_ = UploadToken()
}

// The fix the reports converged on: drop t.Parallel where t.Setenv is needed.
func TestSinkSelectionSerial(t *testing.T) {
	for _, env := range []string{"stdout", "stderr"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv("APP_LOG_SINK", env) // not reported: no parallel test in the ancestor chain
			if SinkFromEnv() != env {
				t.Fatal(env)
			}
		})
	}
}
