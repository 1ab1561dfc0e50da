package baseline

import (
	"bytes"
	"go/token"
	"strings"
	"testing"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

func witness(fp, name string) output.Witness {
	return output.Witness{
		Root: output.Root{Package: "example.com/m", Name: name, Kind: "goroutine"},
		Keys: []string{"API_KEY"}, Holder: "m.lookup", Op: "os.Getenv", Fingerprint: fp,
	}
}

func report() *output.Report {
	at := func(line int) token.Position { return token.Position{Filename: "/src/m/m.go", Line: line, Column: 2} }
	return &output.Report{Findings: []output.Finding{
		{Category: "cred-read-concurrent", Posn: at(10), Fingerprint: "aa", Witnesses: []output.Witness{witness("aa", "w1"), witness("bb", "w2")}},
		{Category: "env-write-concurrent", Posn: at(20), Fingerprint: "cc", Witnesses: []output.Witness{witness("cc", "w3")}},
		{Category: "ignore-directive", Posn: at(30), Fingerprint: "dd", Message: "credlint:ignore directive for x matches no finding (remove it)"},
		{Category: "env-write-concurrent", Posn: at(40), Fingerprint: "ee", Witnesses: []output.Witness{witness("ee", "w4")},
			Suppressions: []output.Suppression{{Kind: output.SuppressInSource, Justification: "fine"}}},
	}}
}

func TestRoundTrip(t *testing.T) {
	old := &File{Entries: []Entry{{Fingerprint: "bb", Comment: "accepted   in #12"}, {Fingerprint: "zz", Comment: "gone"}}}
	b := FromReport(report(), "/src", old)
	if len(b.Entries) != 4 {
		t.Fatalf("want one entry per root of the counted findings (2+1+1), got %+v", b.Entries)
	}
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	for _, want := range []string{
		"credlint-baseline 2\n",
		"[bb]\nrule: cred-read-concurrent\nroot: goroutine w2 in example.com/m\naccess: os.Getenv(\"API_KEY\") in m.lookup\nseen at: m/m.go:10\ncomment: accepted in #12\n",
		"[dd]\nrule: ignore-directive\naccess: credlint:ignore directive for x matches no finding (remove it)\nseen at: m/m.go:30\ncomment:\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in:\n%s", want, text)
		}
	}
	if strings.Contains(text, "[ee]") || strings.Contains(text, "gone") {
		t.Errorf("suppressed finding or stale comment written:\n%s", text)
	}
	back, err := Parse(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	back.Write(&again)
	if again.String() != text {
		t.Errorf("not stable through a round trip:\n%s\n---\n%s", text, again.String())
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "empty file"},
		{"[aa]\nrule: x\n", "line 1: not a credlint baseline"},
		{"credlint-baseline 1\n", `line 1: baseline format "1"; this credlint reads format 2 (rewrite it with -write-baseline)`},
		{"# c\ncredlint-baseline 2\nrule: x\n", "line 3: want \"[fingerprint]\""},
		{"credlint-baseline 2\n[a b]\n", "line 2: malformed fingerprint"},
		// Issue 16: the true cause, not "empty" or "not a baseline".
		{header[:40], "truncated or invalid: the header ends without the \"credlint-baseline 2\" line"},
		{header + "credlint-base", "line 8: truncated: the version line stops at \"credlint-base\""},
		{"credlint-baseline 2\n[aa]\n" + strings.Repeat("x", 2<<20) + "\n", "line 3: longer than 1048576 bytes"},
		{"credlint-baseline 2\n" + strings.Repeat("y", 300<<10) + "\n", `got "yyyy`},
	} {
		_, err := Parse(strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) || len(err.Error()) > 500 {
			t.Errorf("Parse(%.80q): %.500v, want %q", tc.in, err, tc.want)
		}
	}
	for _, in := range []string{"\ufeff" + header + "credlint-baseline 2\n", "\ufeffcredlint-baseline 2\r\n"} {
		if _, err := Parse(strings.NewReader(in)); err != nil {
			t.Errorf("a byte order mark at the start is not an error: %v", err)
		}
	}
	b, err := Parse(strings.NewReader("credlint-baseline 2\n[aa]\nrule: x\nfuture field: y\ncomment: why\n"))
	if err != nil || len(b.Entries) != 1 || b.Entries[0].Comment != "why" {
		t.Errorf("unknown fields must be ignored: %+v %v", b, err)
	}
}

func TestApply(t *testing.T) {
	r := report()
	b := &File{Entries: []Entry{{Fingerprint: "aa"}, {Fingerprint: "cc", Comment: "known"}, {Fingerprint: "dd"}, {Fingerprint: "old", Rule: "env-write-concurrent"}}}
	Apply(b, "credlint.baseline", r)
	f := r.Findings
	// aa is in, bb (a second root of the same access) is not: new.
	if f[0].Baseline != output.BaselineNew || f[0].Witnesses[0].Baseline != output.BaselineUnchanged ||
		f[0].Witnesses[1].Baseline != output.BaselineNew || len(f[0].Suppressions) != 0 {
		t.Errorf("finding with a new root: %+v", f[0])
	}
	if f[1].Baseline != output.BaselineUnchanged || len(f[1].Suppressions) != 1 ||
		f[1].Suppressions[0].Justification != "listed in the baseline credlint.baseline: known" {
		t.Errorf("baselined finding: %+v", f[1])
	}
	if f[2].Baseline != output.BaselineUnchanged || len(f[2].Suppressions) != 1 {
		t.Errorf("baselined finding without witnesses: %+v", f[2])
	}
	if f[3].Baseline != "" || len(f[3].Suppressions) != 1 {
		t.Errorf("a finding an ignore directive covers is not compared: %+v", f[3])
	}
	if len(r.Stale) != 1 || r.Stale[0].Fingerprint != "old" {
		t.Errorf("stale: %+v", r.Stale)
	}
	if n := len(r.Counted()); n != 1 {
		t.Errorf("%d findings count, want only the one with a new root", n)
	}
}

// FuzzParse: any input parses or fails with a short message, never
// panics; what parses writes out and parses back to the same entries.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"", header, header + "credlint-baseline 2\n", "\ufeffcredlint-baseline 2\n[aa]\nrule: x\n",
		"credlint-baseline 2\n[aa]\nrule: x\ncomment: why\n[bb]\n", "credlint-baseline 1\n", "[aa]\n", "credlint-baseline 2\n[]\n",
		"credlint-baseline 2\n[a\x80]\naccess: os.Getenv(\"\\x80\")\n", "credlint-baseline 2\r\n[aa]\r\nseen at: a.go:1\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		b, err := Parse(strings.NewReader(in))
		if err != nil {
			if len(err.Error()) > 500 {
				t.Fatalf("message of %d bytes", len(err.Error()))
			}
			return
		}
		var buf bytes.Buffer
		if err := b.Write(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := Parse(&buf)
		if err != nil {
			t.Fatalf("Parse(Write(Parse(%q))): %v\n%s", in, err, buf.String())
		}
		if len(back.Entries) != len(b.Entries) {
			t.Fatalf("%d entries, %d after a round trip", len(b.Entries), len(back.Entries))
		}
	})
}
