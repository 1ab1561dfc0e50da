package sdks

import (
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDocsTable keeps docs/sdk-fixes.md's table true to Table: each row's
// entry point (or variadic type), its adapter call and the variables the
// adapter supplies appear on one line of the table, and the table has no
// other rows.
func TestDocsTable(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "sdk-fixes.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(data), "| Entry point |")
	table, _, _ = strings.Cut(table, "\n\n")
	lines := strings.Split(table, "\n")[2:] // the header's rest and the rule
	if len(lines) != len(Table) {
		t.Errorf("docs/sdk-fixes.md's table has %d rows, Table %d", len(lines), len(Table))
	}
	for _, e := range Table {
		key := e.Func
		if key == "" {
			key = "..." + path0(e.Variadic) + "." + typeName(e.Variadic)
		}
		i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, key) })
		if i < 0 {
			t.Errorf("docs/sdk-fixes.md has no row for %s", key)
			continue
		}
		if !strings.Contains(lines[i], e.AdapterCall()+"(ctx") {
			t.Errorf("row %s: the fix %s(ctx, ...) is not shown", key, e.AdapterCall())
		}
		if e.SDK == "" || !strings.Contains(lines[i], strings.Fields(e.SDK)[1]) {
			t.Errorf("row %s: the SDK version of %q is not shown", key, e.SDK)
		}
	}
}

func path0(s string) string {
	i := strings.LastIndex(s, ".")
	j := strings.LastIndex(s[:i], "/")
	return s[j+1 : i]
}

func typeName(s string) string { return s[strings.LastIndex(s, ".")+1:] }

// TestRows checks each row's shape: an entry point or a variadic type, an
// adapter module under profileenv/, and a stub of the adapter with its
// function and a golden fixture under analyzer/testdata.
func TestRows(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range Table {
		if (e.Func == "") == (e.Variadic == "") {
			t.Errorf("row %q: want exactly one of Func and Variadic", e.Func+e.Variadic)
		}
		if !strings.HasPrefix(e.Adapter, "github.com/credlint/credlint/profileenv/") || len(e.Keys) == 0 {
			t.Errorf("row %s: adapter %q, keys %v", e.Func+e.Variadic, e.Adapter, e.Keys)
		}
		stub := filepath.Join("..", "..", "analyzer", "testdata", "src", filepath.FromSlash(e.Adapter), e.AdapterName()+".go")
		src, err := os.ReadFile(stub)
		if err != nil || !strings.Contains(string(src), "func "+e.Call+"(ctx context.Context") {
			t.Errorf("row %s: no stub of %s(ctx, ...) in %s (%v)", e.Func+e.Variadic, e.AdapterCall(), stub, err)
		}
		seen[e.AdapterName()] = true
	}
	for name := range seen {
		golden, _ := filepath.Glob(filepath.Join("..", "..", "analyzer", "testdata", "src", "fixes", "sdk*", "*.golden"))
		if !slices.ContainsFunc(golden, func(g string) bool {
			b, _ := os.ReadFile(g)
			return strings.Contains(string(b), name+".")
		}) {
			t.Errorf("no golden fixture under analyzer/testdata/src/fixes/sdk* uses %s", name)
		}
	}
}

// TestLookup: a row keyed on a function, one keyed on the variadic
// parameter's type (any function taking ...option.ClientOption), and an
// adapter's wrapper.
func TestLookup(t *testing.T) {
	option := types.NewPackage("google.golang.org/api/option", "option")
	clientOption := types.NewNamed(types.NewTypeName(0, option, "ClientOption", nil), types.NewInterfaceType(nil, nil), nil)
	storage := types.NewPackage("cloud.google.com/go/storage", "storage")
	ctx := types.NewVar(0, storage, "ctx", types.Typ[types.String])
	variadic := types.NewSignatureType(nil, nil, nil,
		types.NewTuple(ctx, types.NewVar(0, storage, "opts", types.NewSlice(clientOption))), nil, true)
	plain := types.NewSignatureType(nil, nil, nil, types.NewTuple(ctx), nil, false)
	openai := types.NewPackage("github.com/openai/openai-go/v3", "openai")
	azureenv := types.NewPackage("github.com/credlint/credlint/profileenv/azureenv", "azureenv")
	for _, c := range []struct {
		fn      *types.Func
		want    string
		adapter bool
	}{
		{types.NewFunc(0, storage, "NewClient", variadic), "googleenv.With", false},
		{types.NewFunc(0, storage, "NewReader", plain), "", false},
		{types.NewFunc(0, openai, "NewClient", plain), "openaienv.With", false},
		{types.NewFunc(0, azureenv, "NewDefaultAzureCredential", plain), "azureenv.NewDefaultAzureCredential", true},
	} {
		lookup := Lookup
		if c.adapter {
			lookup = LookupAdapter
		}
		got := ""
		if e := lookup(c.fn); e != nil {
			got = e.AdapterCall()
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.fn.FullName(), got, c.want)
		}
	}
}
