package program_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// deepGo is a goroutine whose path to os.Setenv is 13 calls long, longer
// than envaccess.MaxHops: the witness keeps the first calls and the
// access, and drops the rest.
var deepGo = func() string {
	var b strings.Builder
	b.WriteString("package deep\n\nimport \"os\"\n\nfunc Start() { go c1() }\n")
	for i := 1; i < 14; i++ {
		fmt.Fprintf(&b, "func c%d() { c%d() }\n", i, i+1)
	}
	b.WriteString("func c14() { os.Setenv(\"API_TOKEN\", \"x\") }\n")
	return b.String()
}()

// TestElidedHopsShown: a witness that drops calls says so, in every
// format, at the place of the drop (issue 16): the listing never claims
// that the last call kept makes the access.
func TestElidedHopsShown(t *testing.T) {
	t.Parallel()
	fs := analyse(t, map[string]string{"deep/deep.go": deepGo})
	f := find(t, fs, analyzer.RuleEnvWrite, "deep/deep.go")
	frames := f.Witnesses[0].Frames
	n := len(frames)
	if n < 3 || frames[n-2].Elided == 0 || frames[n-2].Message != analyzer.ElidedHops(frames[n-2].Elided) || frames[n-1].Function != "os.Setenv" {
		t.Fatalf("frames before the access: %+v", frames[max(0, n-3):])
	}
	if calls := n - 3 + frames[n-2].Elided; calls != 13 {
		t.Errorf("frames and elided calls make %d calls, want 13 (c1, the root, calls c2 ... c14)", calls)
	}
	if h := f.Witnesses[0].Holder; h != "deep.c14" {
		t.Errorf("holder %s, want deep.c14", h)
	}
	marker := analyzer.ElidedHops(frames[n-2].Elided)
	r := &output.Report{Findings: []output.Finding{f}}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"text":   func(b *bytes.Buffer) error { return output.Text{}.Write(b, r) },
		"json":   func(b *bytes.Buffer) error { return output.Model{}.Write(b, r) },
		"sarif":  func(b *bytes.Buffer) error { return output.SARIF{}.Write(b, r) },
		"github": func(b *bytes.Buffer) error { return output.GitHub{}.Write(b, r) },
		"-json":  func(b *bytes.Buffer) error { return output.WriteJSON(b, r) },
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !strings.Contains(b.String(), marker) {
			t.Errorf("%s does not show %q:\n%s", name, marker, b.String())
		}
	}
}
