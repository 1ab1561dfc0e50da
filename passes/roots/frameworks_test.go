package roots_test

import (
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/passes/roots"
)

// frameworkRoots are the roots of frameworks/frameworks.go: router handlers
// of each Frameworks row, gRPC and net/rpc methods, cron jobs. helper is
// called directly and converted to gin.HandlerFunc: a root only through the
// conversion. (*Arith).Name has no RPC shape. RPC methods are placed at
// their declarations, so they come first.
var frameworkRoots = []string{
	"gRPC rpc func (*server).GetUser via userpb.RegisterUserServiceServer at frameworks.go:28",
	"net/rpc rpc func (*Arith).Add via rpc.Register at frameworks.go:34",
	"gin handler func list via handler registration at frameworks.go:44",
	"gin handler func helper via gin.HandlerFunc at frameworks.go:44",
	"echo handler func show via handler registration at frameworks.go:45",
	"fiber handler func index via handler registration at frameworks.go:46",
	"fiber handler lit func literal in Setup via handler registration at frameworks.go:46",
	"cron scheduled lit func literal in Setup via cron.AddFunc at frameworks.go:50",
	"cron scheduled func (job).Run via cron.AddJob at frameworks.go:51",
}

func TestFrameworkRoots(t *testing.T) {
	for _, res := range analysistest.Run(t, analysistest.TestData(), roots.Analyzer, "frameworks") {
		if res.Action.Package.PkgPath != "frameworks" {
			continue
		}
		var got []string
		for _, r := range res.Result.(*roots.Result).Roots {
			got = append(got, describe(res, r))
		}
		if strings.Join(got, "\n") != strings.Join(frameworkRoots, "\n") {
			t.Errorf("roots\n got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(frameworkRoots, "\n\t"))
		}
		checkFrameworkRows(t, res.Action.Package.Types)
	}
}

// checkFrameworkRows checks each Frameworks row against the stub of its
// router: Sig is the underlying type of Type, and Request is one of its
// parameters. A row whose router has no stub here is not checked.
func checkFrameworkRows(t *testing.T, pkg *types.Package) {
	byPath := map[string]*types.Package{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if byPath[p.Path()] != nil {
			return
		}
		byPath[p.Path()] = p
		for _, q := range p.Imports() {
			visit(q)
		}
	}
	visit(pkg)
	for _, fw := range roots.Frameworks {
		i := strings.LastIndex(fw.Type, ".")
		p := byPath[fw.Type[:i]]
		if p == nil {
			t.Logf("%s: no stub imported, row not checked", fw.Type)
			continue
		}
		obj := p.Scope().Lookup(fw.Type[i+1:])
		if obj == nil {
			t.Errorf("%s: no such type in the stub", fw.Type)
			continue
		}
		sig := obj.Type().Underlying().(*types.Signature)
		var params []string
		for j := range sig.Params().Len() {
			params = append(params, types.TypeString(sig.Params().At(j).Type(), nil))
		}
		want := "func(" + strings.Join(params, ", ") + ")"
		if sig.Results().Len() == 1 {
			want += " " + types.TypeString(sig.Results().At(0).Type(), nil)
		}
		if fw.Sig != want {
			t.Errorf("%s: Sig = %q, the stub says %q", fw.Type, fw.Sig, want)
		}
		if !strings.Contains(fw.Sig, fw.Request) || !strings.Contains(fw.Context, "%s") {
			t.Errorf("%s: Request %q is not a parameter of %q, or Context %q has no %%s", fw.Type, fw.Request, fw.Sig, fw.Context)
		}
	}
}
