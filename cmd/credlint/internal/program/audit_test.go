package program_test

import (
	"slices"
	"testing"

	"github.com/credlint/credlint/cmd/credlint/internal/audit"
	"github.com/credlint/credlint/cmd/credlint/internal/output"
	"github.com/credlint/credlint/cmd/credlint/internal/program"
)

// TestInventory checks the audit on the program of TestWholeProgram, with
// a function that no root reaches: each variable's class, how its name is
// known, the function making the access and whose code that is, and the
// roots that reach it.
func TestInventory(t *testing.T) {
	t.Parallel()
	p := load(t, map[string]string{
		"lib/lib.go": libGo, "app/app.go": appGo,
		"app/init.go": "package app\n\nimport \"os\"\n\n// Config reads the port at startup.\nfunc Config() string { return os.Getenv(\"PORT\") }\n",
	})
	inv := p.Inventory()
	keys := map[string]audit.Key{}
	var order []string
	for _, k := range inv.Keys {
		keys[k.Name] = k
		order = append(order, k.Name)
	}
	type want struct {
		class, named, op, function string
		origin                     output.Origin
		roots                      []string
	}
	for name, w := range map[string]want{
		"API_TOKEN": {audit.ClassCredential, audit.NamedParameter, "read", "lib.lookup", output.OriginUser, []string{"goroutine worker"}},
		"HOME":      {audit.ClassCredential, audit.NamedConstant, "read", "app.home", output.OriginUser, []string{"goroutine home"}},
		"REGION":    {audit.ClassOther, audit.NamedConstant, "write", "app.Start", output.OriginUser, []string{"goroutine func literal in Start"}},
		"PORT":      {audit.ClassOther, audit.NamedConstant, "read", "app.Config", output.OriginUser, nil},
	} {
		k, ok := keys[name]
		if !ok {
			t.Errorf("%s not in the inventory %v", name, order)
			continue
		}
		var roots []string
		for _, r := range k.Roots {
			roots = append(roots, r.Root.String())
			if last := r.Frames[len(r.Frames)-1]; last.Posn.Line == 0 {
				t.Errorf("%s: witness from %s does not end at the access: %+v", name, r.Root, last)
			}
		}
		if k.Class != w.class || !slices.Equal(k.Named, []string{w.named}) || !slices.Equal(k.Ops, []string{w.op}) ||
			len(k.Accessors) == 0 || k.Accessors[0].Function != w.function || k.Accessors[0].Origin != w.origin ||
			!slices.Equal(roots, w.roots) {
			t.Errorf("%s: got %+v roots %v\nwant %+v", name, k, roots, w)
		}
	}
	// Credentials first, then the others by name.
	if i, j := slices.Index(order, "API_TOKEN"), slices.Index(order, "PORT"); i < 0 || j < 0 || i > j {
		t.Errorf("order %v: credentials first", order)
	}
}

// load is analyse, returning the Program.
func load(t *testing.T, files map[string]string) *program.Program {
	t.Helper()
	p, _ := analyseProgram(t, files)
	return p
}

// TestInventoryRunOnce: reads that run at most once, which no finding
// reports, are in the inventory, marked: a named function handed to
// sync.Once.Do, a literal handed to it, and a package-level
// sync.OnceValue literal, all from a handler; a write in a run-once body
// is an access like any other.
func TestInventoryRunOnce(t *testing.T) {
	t.Parallel()
	p := load(t, map[string]string{"app/app.go": `package app

import (
	"net/http"
	"os"
	"sync"
)

var (
	once  sync.Once
	token string
)

func load() { token = os.Getenv("ONCE_API_TOKEN") }

var region = sync.OnceValue(func() string { return os.Getenv("ONCE_REGION") })

func handle(w http.ResponseWriter, r *http.Request) {
	once.Do(load)
	once.Do(func() {
		_ = os.Getenv("ONCE_LIT_SECRET")
		os.Setenv("ONCE_WRITTEN", "1")
	})
	_ = region()
	_ = os.Getenv("EVERY_TIME_TOKEN")
}

func Register() { http.HandleFunc("/", handle) }
`})
	keys := map[string]audit.Key{}
	for _, k := range p.Inventory().Keys {
		keys[k.Name] = k
	}
	for name, runOnce := range map[string]bool{
		"ONCE_API_TOKEN": true, "ONCE_LIT_SECRET": true, "ONCE_REGION": true,
		"ONCE_WRITTEN": false, "EVERY_TIME_TOKEN": false,
	} {
		k, ok := keys[name]
		if !ok || len(k.Accessors) == 0 {
			t.Errorf("%s: not in the inventory", name)
			continue
		}
		if got := k.Accessors[0].RunOnce; got != runOnce {
			t.Errorf("%s: RunOnce %v, want %v (%+v)", name, got, runOnce, k.Accessors[0])
		}
	}
}
