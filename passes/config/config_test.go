package config

import (
	"flag"
	"go/ast"
	"go/constant"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/profileenv/credkeys"
)

func TestValidate(t *testing.T) {
	if err := analysis.Validate([]*analysis.Analyzer{Analyzer, probe}); err != nil {
		t.Fatal(err)
	}
}

// TestDoc checks the Doc conventions of STYLE.md: a "name: title" first
// paragraph, lowercase, no period, under 60 characters, then the help text
// from doc.go, which mentions every flag.
func TestDoc(t *testing.T) {
	title, help, _ := strings.Cut(Analyzer.Doc, "\n\n")
	if !strings.HasPrefix(title, "credlint_config: ") || len(title) >= 60 ||
		strings.HasSuffix(title, ".") || strings.Contains(title, "\n") {
		t.Errorf("Doc title %q: want one line 'credlint_config: ...', under 60 characters, no period", title)
	}
	if rest := strings.TrimPrefix(title, "credlint_config: "); rest != strings.ToLower(rest) {
		t.Errorf("Doc title %q is not lowercase", title)
	}
	Analyzer.Flags.VisitAll(func(f *flag.Flag) {
		if !strings.Contains(help, "-"+f.Name) {
			t.Errorf("Doc help text does not mention -%s", f.Name)
		}
	})
}

func TestExtractDocErrors(t *testing.T) {
	for name, src := range map[string]string{
		"no comment": "package config\n",
		"no section": "// Package config.\npackage config\n",
		"no title":   "// Package config.\n//\n// # Analyzer credlint_config\n//\n// Typed config.\npackage config\n",
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: mustExtractDoc did not panic", name)
				}
			}()
			mustExtractDoc(src, "credlint_config")
		}()
	}
}

func TestNilConfigUsesDefaults(t *testing.T) {
	var c *Config
	if !c.IsCredential("GITHUB_TOKEN") || c.IsCredential("PATH") || c.ExcludesPackage("example.com/x") {
		t.Error("nil *Config does not behave as the defaults")
	}
	if c.Rules() != credkeys.Default() {
		t.Error("nil *Config: Rules() is not credkeys.Default()")
	}
}

// TestConcurrentReads runs readers against a writer; under -race it proves
// that passes may read the result while flags are (unusually) still set.
func TestConcurrentReads(t *testing.T) {
	setFlag(t, FlagCredKeys, "")
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				c := Current()
				_ = c.IsCredential("APP_LOG_SINK")
				_ = c.ExcludesPackage("example.com/gen")
				if !c.IsCredential("GITHUB_TOKEN") {
					t.Error("a published Config lost the defaults")
					return
				}
			}
		})
	}
	for i := range 200 {
		if err := Analyzer.Flags.Set(FlagCredKeys, "APP_LOG_SINK"); err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			_ = Analyzer.Flags.Set(FlagCredKeys, "")
		}
	}
	close(stop)
	wg.Wait()
}

// probe is a test-only pass that reads the config the way credlint's
// passes do: it reports each os.Getenv("KEY") whose key is a credential,
// unless the package is excluded.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "probe: report credential keys passed to os.Getenv",
	Requires: []*analysis.Analyzer{inspect.Analyzer, Analyzer},
	Run:      runProbe,
}

func runProbe(pass *analysis.Pass) (any, error) {
	cfg := pass.ResultOf[Analyzer].(*Config)
	if cfg.ExcludesPackage(pass.Pkg.Path()) {
		return nil, nil
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for call := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		c := call.Node().(*ast.CallExpr)
		sel, ok := c.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Getenv" || len(c.Args) != 1 {
			continue
		}
		tv := pass.TypesInfo.Types[c.Args[0]]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			continue
		}
		if key := constant.StringVal(tv.Value); cfg.IsCredential(key) {
			pass.Reportf(c.Pos(), "credential %s", key)
		}
	}
	return nil, nil
}

// TestPassResult runs the probe through analysistest, with flags set the way
// a driver sets them, to check that the result reaches dependent passes.
func TestPassResult(t *testing.T) {
	setFlag(t, FlagCredKeys, "APP_*_SINK")
	setFlag(t, FlagNotCredKeys, "HOME")
	setFlag(t, FlagExcludePkgs, "example.com/gen/...")
	analysistest.Run(t, analysistest.TestData(), probe, "example.com/app", "example.com/gen/mocks")
}
