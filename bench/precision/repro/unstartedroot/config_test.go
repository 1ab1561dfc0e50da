package unstartedroot

import (
	"context"
	"testing"
)

func setEnv(t *testing.T, env map[string]string) {
	for k, v := range env {
		t.Setenv(k, v) // ok: ReloadCerts' goroutine is never started by this test, and the test is serial (K8, fixed)
	}
}

func TestLoad(t *testing.T) {
	MustNew(context.Background())
	setEnv(t, map[string]string{"SUBJECT_TYPES": "public"})
}
