package unstarted

import (
	"os"
	"testing"

	"regions/bglib"
)

func setEnv(t *testing.T, env map[string]string) {
	for k, v := range env {
		t.Setenv(k, v) // not reported: only New's signal loop runs beside it, and it reads nothing
	}
}

// New leaves a goroutine running that reads nothing; ReloadCerts'
// goroutine, which reads LOG_COLOR, is never started by this test.
func TestLoad(t *testing.T) {
	New()
	setEnv(t, map[string]string{"SUBJECT_TYPES": "public"})
	t.Setenv("LOG_COLOR", "0") // not reported: ReloadCerts' goroutine is not running
}

// The test starts the logger itself: its write races with the read.
func TestReload(t *testing.T) {
	errs := make(chan error)
	defer close(errs)
	ReloadCerts(errs)
	t.Setenv("LOG_COLOR", "0") // want `^t\.Setenv\("LOG_COLOR"\) reachable from TestReload after its goroutines start`
}

// A goroutine of the test body reads the variable.
func TestOwnGoroutine(t *testing.T) {
	done := make(chan struct{})
	go func() {
		_ = os.Getenv("LOG_COLOR")
		close(done)
	}()
	t.Setenv("LOG_COLOR", "0") // want `^t\.Setenv\("LOG_COLOR"\) reachable from TestOwnGoroutine after its goroutines start`
	<-done
}

// An imported starter whose goroutine reads the variable.
func TestImported(t *testing.T) {
	bglib.StartReader()
	t.Setenv("BG_TOKEN", "b") // want `^t\.Setenv\("BG_TOKEN"\) reachable from TestImported after its goroutines start`
}

// A parallel test reads LOG_COLOR; it runs only after the serial tests.
func TestParallelReader(t *testing.T) {
	t.Parallel()
	_ = os.Getenv("LOG_COLOR") // not reported: not a credential, and a read
}

func TestAfterQuiet(t *testing.T) {
	bglib.StartQuiet()
	t.Setenv("LOG_COLOR", "1") // not reported: TestParallelReader starts after every serial test has finished
}
