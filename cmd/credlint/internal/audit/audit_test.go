package audit

import (
	"bytes"
	"encoding/json"
	"go/token"
	"strings"
	"testing"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

func sample() *Inventory {
	at := func(file string, line int) output.Frame {
		return output.Frame{Posn: token.Position{Filename: "/src/" + file, Line: line, Column: 2}}
	}
	root := at("main.go", 10)
	root.Message = "goroutine started here"
	call := at("lib/lib.go", 9)
	call.Message, call.Function = "os.Getenv called here", "os.Getenv"
	inv := &Inventory{
		Keys: []Key{
			{Name: "PORT", Class: ClassOther, Ops: []string{"read"}, Named: []string{NamedConstant},
				Accessors: []Accessor{{Function: "main.config", Op: "os.Getenv", Origin: output.OriginUser, Frame: at("main.go", 3)}}},
			{Name: Dynamic, Class: ClassUnknown, Ops: []string{"write", "read"}, Named: []string{NamedDynamic},
				Accessors: []Accessor{{Function: "main.mirror|x", Op: "os.Setenv", Origin: output.OriginUser, Frame: at("main.go", 5)}}},
			{Name: "API_KEY", Class: ClassCredential, Ops: []string{"read"}, Named: []string{NamedParameter},
				Accessors: []Accessor{
					{Function: "lib.lookup", Op: "os.Getenv", Origin: output.OriginThirdParty, Frame: call},
					{Function: "lib.lookup", Op: "os.Getenv", Origin: output.OriginThirdParty, Frame: call},
				},
				Roots: []Reach{{Root: output.Root{Package: "example.com/m", Name: "worker", Kind: "goroutine"}, Frames: []output.Frame{root, call}}}},
		},
		EntryPoints: []EntryPoint{
			{Function: "openai.NewClient", Explicit: "openaienv.With", Keys: []string{"OPENAI_API_KEY"}, Frame: at("main.go", 12)},
			{Function: "acme.Dial", Keys: []string{"ACME_A_TOKEN", "ACME_B_TOKEN", "ACME_C_TOKEN", "ACME_SECRET"}, Frame: at("main.go", 14)},
		},
		Fixable: 2, Manual: 1,
		Errors: []output.Error{{Package: "example.com/bad", Message: "not analysed: the package does not type-check:\n\tbad.go:1:1: x"}},
	}
	inv.Sort()
	return inv
}

func TestSort(t *testing.T) {
	inv := sample()
	var names []string
	for _, k := range inv.Keys {
		names = append(names, k.Name)
	}
	if strings.Join(names, " ") != "API_KEY PORT "+Dynamic || strings.Join(inv.Keys[2].Ops, ",") != "read,write" {
		t.Errorf("order %v, ops %v", names, inv.Keys[2].Ops)
	}
}

// TestText checks the text inventory; sample has a package that was not
// analysed, so the summary says first that it is incomplete, and the
// packages left out come last (issue 16).
func TestText(t *testing.T) {
	var buf bytes.Buffer
	if err := (Text{Dir: "/src"}).Write(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	want := `credlint audit: incomplete, 1 package not analysed (see the errors); in the rest: 2 environment variables, 1 of them credentials; 1 entries reached from concurrent roots; 3 credential reads on concurrent paths: 2 can be fixed automatically, 1 need manual work

VARIABLE        CLASS       ACCESS       NAMED      ROOTS  ACCESSED IN
API_KEY         credential  read         parameter  1      lib.lookup (third-party)
PORT            other       read         constant   0      main.config (user)
(dynamic name)  unknown     read, write  dynamic    0      main.mirror|x (user)

SDK entry points that read credentials:
  acme.Dial         env only                  ACME_A_TOKEN, ACME_B_TOKEN, ACME_C_TOKEN and 1 more  main.go:14:2
  openai.NewClient  explicit: openaienv.With  OPENAI_API_KEY                                       main.go:12:2

Concurrent roots that reach them, one witness each:

API_KEY
  goroutine worker in example.com/m
    main.go:10:2: goroutine started here
    lib/lib.go:9:2: os.Getenv called here

Not analysed (the errors are on stderr):
  example.com/bad: not analysed: the package does not type-check
Fix those errors, then run credlint audit again: the inventory above leaves those packages out.
`
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}
	buf.Reset()
	(Text{Color: true, Dir: "/src"}).Write(&buf, sample())
	if !strings.Contains(buf.String(), "\x1b[31mcredential\x1b[0m") {
		t.Errorf("credential class not colored:\n%q", buf.String())
	}
}

func TestMarkdown(t *testing.T) {
	var buf bytes.Buffer
	if err := (Markdown{SrcRoot: "/src"}).Write(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# credlint audit\n\n**Incomplete**, 1 package not analysed (see Not analysed); in the rest: 2 environment variables, 1 of them credentials; 1 entries reached from concurrent roots; 3 credential reads on concurrent paths: 2 can be fixed automatically, 1 need manual work.\n",
		"| `acme.Dial` | env only | `ACME_A_TOKEN`, `ACME_B_TOKEN`, `ACME_C_TOKEN` and 1 more | `main.go:14` |\n| `openai.NewClient` | explicit: openaienv.With | `OPENAI_API_KEY` | `main.go:12` |\n",
		"| `API_KEY` | credential | read | parameter | 1 | `lib.lookup` (third-party) |\n",
		"| `(dynamic name)` | unknown | read, write | dynamic | 0 | `main.mirror\\|x` (user) |\n",
		"### `API_KEY`\n\n- goroutine `worker` in `example.com/m`: `main.go:10` goroutine started here → `lib/lib.go:9` os.Getenv called here\n",
		"## Not analysed\n\n- `example.com/bad`: not analysed: the package does not type-check:\n",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("missing %q in:\n%s", want, buf.String())
		}
	}
}

func TestJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := (JSON{SrcRoot: "/src"}).Write(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Version int
		Keys    []struct {
			Name      string
			Accessors []struct{ Function, File, Origin string }
			Roots     []struct {
				Name string
				Path []struct{ File, Message string }
			}
		}
		EntryPoints []struct {
			Function, Takes, Explicit, File string
			Keys                            []string
		}
		ConcurrentCredentialReads struct{ Fixable, Manual int }
		Errors                    []struct{ Package string }
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	k := got.Keys[0]
	if got.Version != JSONVersion || len(got.Keys) != 3 || k.Name != "API_KEY" || k.Accessors[0].File != "lib/lib.go" ||
		k.Accessors[0].Origin != "third-party" || k.Roots[0].Name != "worker" || k.Roots[0].Path[1].File != "lib/lib.go" ||
		len(got.Errors) != 1 {
		t.Errorf("got %+v", got)
	}
	if e := got.EntryPoints; len(e) != 2 || e[0].Takes != "env only" || e[0].Explicit != "" || len(e[0].Keys) != 4 ||
		e[1].Function != "openai.NewClient" || e[1].Takes != "explicit: openaienv.With" || e[1].Explicit != "openaienv.With" ||
		e[1].File != "main.go" || got.ConcurrentCredentialReads.Fixable != 2 || got.ConcurrentCredentialReads.Manual != 1 {
		t.Errorf("entry points %+v, reads %+v", e, got.ConcurrentCredentialReads)
	}
}
