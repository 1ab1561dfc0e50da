package negative

import (
	"os"
	"testing"
)

func TestSerialSetenv(t *testing.T) {
	t.Setenv("PAYMENTS_API_KEY", "example") // not reported: the test is not parallel and has no parallel ancestor
	t.Run("serial", func(t *testing.T) {
		t.Setenv("PAYMENTS_API_KEY", "example") // not reported: serial subtest of a serial test
	})
}

func TestParallelReadOnly(t *testing.T) {
	t.Parallel()
	_ = os.Getenv("PAYMENTS_API_KEY") // not reported: no parallel test writes the environment, so there is nothing to race with
}

func TestSerialSetenvOS(t *testing.T) {
	os.Setenv("PAYMENTS_API_KEY", "example") // not reported: serial test without parallel subtests
	defer os.Unsetenv("PAYMENTS_API_KEY")    // not reported: same
}
