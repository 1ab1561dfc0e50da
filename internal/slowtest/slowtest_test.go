package slowtest

import "testing"

func TestRequire(t *testing.T) {
	for _, tc := range []struct {
		value string
		run   bool
	}{{"", false}, {"0", false}, {"1", true}} {
		t.Setenv(Env, tc.value)
		ran := false
		t.Run("gated", func(t *testing.T) { Require(t, "test"); ran = true })
		if ran != tc.run {
			t.Errorf("%s=%q: ran %v, want %v", Env, tc.value, ran, tc.run)
		}
	}
}
