package srv

import "testing"

func TestRun(t *testing.T) {
	t.Parallel()
	Run()
}
