package output_test

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// openPTY returns the terminal end of a new pseudo-terminal.
func openPTY(t *testing.T) *os.File {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { ptmx.Close() })
	fd := int(ptmx.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Skipf("ptsname: %v", err)
	}
	tty, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("open pts: %v", err)
	}
	t.Cleanup(func() { tty.Close() })
	return tty
}

// TestShouldColorTerminal checks the NO_COLOR and TERM=dumb rules on a real
// terminal, and that the text format then comes out plain.
func TestShouldColorTerminal(t *testing.T) {
	tty := openPTY(t)
	t.Setenv("TERM", "xterm")

	t.Setenv("NO_COLOR", "")
	if !output.ShouldColor(tty) {
		t.Error("ShouldColor(terminal) = false, want true")
	}

	t.Setenv("NO_COLOR", "1")
	if output.ShouldColor(tty) {
		t.Error("ShouldColor(terminal) with NO_COLOR=1 = true, want false")
	}
	r := &output.Report{Findings: []output.Finding{{Analyzer: "credlint", Message: "m", Category: "c"}}}
	var buf bytes.Buffer
	if err := (output.Text{Color: output.ShouldColor(tty)}).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	if want := "-: m [c]\n"; buf.String() != want {
		t.Errorf("with NO_COLOR: got %q, want %q", buf.String(), want)
	}

	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "dumb")
	if output.ShouldColor(tty) {
		t.Error("ShouldColor(terminal) with TERM=dumb = true, want false")
	}
}
