// Package tbsetenv calls Setenv through testing.TB in parallel tests.
package tbsetenv

import "testing"

func setup(tb testing.TB) {
	tb.Setenv("TB_TOKEN", "x") // not reported here: setup also runs in a serial test; reported at the call in TestTB
}

func TestTB(t *testing.T) {
	t.Parallel()
	setup(t) // want `^tb\.Setenv\("TB_TOKEN"\) in parallel test TestTB panics at run time \(.*\): TestTB calls setup, which calls tb\.Setenv$`
}

func TestDirect(t *testing.T) {
	t.Parallel()
	var tb testing.TB = t
	tb.Setenv("TB_DIRECT_TOKEN", "x") // want `^tb\.Setenv\("TB_DIRECT_TOKEN"\) in parallel test TestDirect panics`
}

func TestSerialTB(t *testing.T) {
	setup(t) // not reported: serial test
}
