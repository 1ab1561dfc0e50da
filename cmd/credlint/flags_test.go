package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzer"
)

// fakeGraph returns a root analyzer that requires a config-like pass with
// a string flag and a boolean flag.
func fakeGraph() (root, cfg *analysis.Analyzer) {
	cfg = &analysis.Analyzer{Name: "fake_config", Doc: "fake_config: flags", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	cfg.Flags.String("keys", "", "keys")
	cfg.Flags.Bool("strict", false, "strict")
	root = &analysis.Analyzer{Name: "fake", Doc: "fake: root", Requires: []*analysis.Analyzer{cfg}, Run: cfg.Run}
	root.Flags.String("root-opt", "", "root option")
	return root, cfg
}

func names(lifted []liftedFlag) []string {
	var out []string
	for _, f := range lifted {
		out = append(out, f.Name)
	}
	return out
}

func TestLiftFlags(t *testing.T) {
	root, cfg := fakeGraph()
	// A pass that re-exports config's flag shares its Value: listed once.
	other := &analysis.Analyzer{Name: "fake_other", Doc: "fake_other: x", Run: cfg.Run}
	other.Flags.Var(cfg.Flags.Lookup("keys").Value, "keys", "keys again")
	root.Requires = append(root.Requires, other)

	lifted, err := liftFlags(root)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(lifted), []string{"root-opt", "keys", "strict"}; !slices.Equal(got, want) {
		t.Errorf("lifted %v, want %v", got, want)
	}
	if lifted[1].owner != cfg || lifted[1].isBool() || !lifted[2].isBool() {
		t.Errorf("wrong owner or kind: %+v", lifted)
	}
}

func TestLiftFlagsConflicts(t *testing.T) {
	root, cfg := fakeGraph()
	other := &analysis.Analyzer{Name: "fake_other", Doc: "fake_other: x", Run: cfg.Run}
	other.Flags.String("keys", "", "a different flag with the same name")
	root.Requires = append(root.Requires, other)
	if _, err := liftFlags(root); err == nil || !strings.Contains(err.Error(), "-keys is defined by both fake_config and fake_other") {
		t.Errorf("duplicate name: err = %v", err)
	}

	for _, name := range []string{"json", "V", "flags", "test", "tags", "fix", "c"} {
		root, _ := fakeGraph()
		root.Flags.Bool(name, false, "clash")
		if _, err := liftFlags(root); err == nil || !strings.Contains(err.Error(), "driver flag") {
			t.Errorf("flag -%s: err = %v, want a clash with the driver", name, err)
		}
	}

	// An incomparable Value (flag.Func) is never taken for a shared one.
	root, _ = fakeGraph()
	root.Flags.Func("f", "func", func(string) error { return nil })
	other = &analysis.Analyzer{Name: "fake_other", Doc: "fake_other: x", Run: cfg.Run}
	other.Flags.Func("f", "func", func(string) error { return nil })
	root.Requires = append(root.Requires, other)
	if _, err := liftFlags(root); err == nil {
		t.Error("two flag.Func flags named -f: no error")
	}
}

// TestRealGraph checks that the flags of the real analyzer graph lift
// without clashes, whatever the passes define today.
func TestRealGraph(t *testing.T) {
	lifted, err := liftFlags(analyzer.Analyzer)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range lifted {
		if strings.Contains(f.Name, ".") {
			t.Errorf("flag -%s of %s: a dot would look like unitchecker's prefix", f.Name, f.owner.Name)
		}
	}
}

func TestSplitArgs(t *testing.T) {
	root, _ := fakeGraph()
	lifted, err := liftFlags(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args         string
		ours, theirs string
	}{
		{"-json -keys=A vet.cfg", "-keys=A", "-json vet.cfg"},
		{"-keys A -strict vet.cfg", "-keys A -strict", "vet.cfg"},
		{"--keys=A --strict=false -fix -diff vet.cfg", "--keys=A --strict=false", "-fix -diff vet.cfg"},
		{"-c 3 -keys B vet.cfg", "-keys B", "-c 3 vet.cfg"},
		{"-tags x -root-opt=y vet.cfg", "-root-opt=y", "-tags x vet.cfg"},
		{"-unknown -keys=A vet.cfg", "-keys=A", "-unknown vet.cfg"},
		{"-- -keys=A", "", "-- -keys=A"},
		{"vet.cfg -keys=A", "", "vet.cfg -keys=A"},
		{"-keys", "-keys", ""}, // missing value: the parser reports it
	} {
		ours, theirs := splitArgs(strings.Fields(tc.args), lifted)
		if strings.Join(ours, " ") != tc.ours || strings.Join(theirs, " ") != tc.theirs {
			t.Errorf("splitArgs(%s) = %q, %q; want %q, %q", tc.args, ours, theirs, tc.ours, tc.theirs)
		}
	}
}

func TestPositionalArgs(t *testing.T) {
	root, _ := fakeGraph()
	lifted, _ := liftFlags(root)
	for _, tc := range []struct{ args, want string }{
		{"-json -keys A /tmp/b/vet.cfg", "/tmp/b/vet.cfg"},
		{"-keys=A -strict ./...", "./..."},
		{"-strict -json", ""},
		{"-c 3 -tags t vet.cfg", "vet.cfg"},
		{"-- -x.cfg", "-x.cfg"},
		{"a b", "a b"},
		{"-format sarif -baseline b.txt -exit-zero ./...", "./..."},
	} {
		if got := strings.Join(positionalArgs(strings.Fields(tc.args), lifted), " "); got != tc.want {
			t.Errorf("positionalArgs(%s) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

// TestUnitFlagsReachValues checks the hand-over: values parsed the way
// runUnit parses them land in the passes' own flag.Values, once.
func TestUnitFlagsReachValues(t *testing.T) {
	root, cfg := fakeGraph()
	lifted, _ := liftFlags(root)
	ours, _ := splitArgs([]string{"-json", "-keys", "A,B", "-strict", "x.cfg"}, lifted)
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	for _, f := range lifted {
		fs.Var(f.Value, f.Name, f.Usage)
	}
	if err := fs.Parse(ours); err != nil {
		t.Fatal(err)
	}
	if got := cfg.Flags.Lookup("keys").Value.String(); got != "A,B" {
		t.Errorf("keys = %q, want A,B", got)
	}
	if got := cfg.Flags.Lookup("strict").Value.String(); got != "true" {
		t.Errorf("strict = %q, want true", got)
	}
}

func TestPrintVetFlags(t *testing.T) {
	root, _ := fakeGraph()
	lifted, _ := liftFlags(root)
	var buf bytes.Buffer
	if err := printVetFlags(&buf, lifted); err != nil {
		t.Fatal(err)
	}
	var flags []struct {
		Name  string
		Bool  bool
		Usage string
	}
	if err := json.Unmarshal(buf.Bytes(), &flags); err != nil {
		t.Fatalf("-flags output is not JSON: %v\n%s", err, buf.String())
	}
	var got []string
	for _, f := range flags {
		got = append(got, f.Name)
		if f.Name == "strict" && !f.Bool || f.Name == "keys" && f.Bool {
			t.Errorf("flag %s: Bool = %v", f.Name, f.Bool)
		}
	}
	want := []string{"V", "all", "c", "diff", "flags", "json", "keys", "parts", "root-opt", "source", "strict", "tags", "v"}
	if !slices.Equal(got, want) {
		t.Errorf("-flags lists %v, want %v", got, want)
	}
}

func TestFlagName(t *testing.T) {
	for _, tc := range []struct {
		arg      string
		name     string
		hasValue bool
		ok       bool
	}{
		{"-a", "a", false, true},
		{"--a=b", "a", true, true},
		{"-a=", "a", true, true},
		{"-", "", false, false},
		{"--", "", false, false},
		{"---a", "", false, false},
		{"-=a", "", false, false},
		{"a", "", false, false},
	} {
		name, hasValue, ok := flagName(tc.arg)
		if name != tc.name || hasValue != tc.hasValue || ok != tc.ok {
			t.Errorf("flagName(%q) = %q, %v, %v", tc.arg, name, hasValue, ok)
		}
	}
}
