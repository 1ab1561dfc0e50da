package analyzer

import (
	"go/ast"
	"go/types"
	"testing"

	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

func TestKeyList(t *testing.T) {
	for _, tc := range []struct {
		keys []string
		want string
	}{
		{nil, ""},
		{[]string{"A"}, `"A"`},
		{[]string{"A", "B"}, `"A" and "B"`},
		{[]string{"A", "B", "C"}, `"A", "B" and "C"`},
		{[]string{"A", "B", "C", "D"}, `"A", "B", "C" and 1 more`},
		{[]string{"A", "B", "C", "D", "E"}, `"A", "B", "C" and 2 more`},
	} {
		if got := keyList(tc.keys); got != tc.want {
			t.Errorf("keyList(%q) = %s, want %s", tc.keys, got, tc.want)
		}
	}
}

func TestLocalName(t *testing.T) {
	pkg := types.NewPackage("example.com/app", "app")
	for _, tc := range []struct{ in, want string }{
		{"app.lookup", "lookup"},
		{"(*app.server).ServeHTTP", "(*server).ServeHTTP"},
		{"(app.plugin).collect", "(plugin).collect"},
		{"providers.Status", "providers.Status"},
		{"(*exec.Cmd).Run", "(*exec.Cmd).Run"},
		{"apps.Load", "apps.Load"}, // a package whose name starts with "app"
		{"os.Setenv", "os.Setenv"},
	} {
		if got := LocalName(tc.in, pkg); got != tc.want {
			t.Errorf("LocalName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// hops builds a witness path of hops that lie outside the analysed package
// (no positions), named by their callees.
func hops(callees ...string) []envaccess.Hop {
	out := make([]envaccess.Hop, len(callees))
	for i, c := range callees {
		out[i] = envaccess.Hop{Callee: c, At: "example.com/app/app.go:1"}
	}
	return out
}

// TestWitnessSentence checks the compact path of messages. The root is
// named by its short name, or "the goroutine" for a literal; "eventually"
// marks hops left out, by the sentence or by the summary (Elided).
//
//	ServeHTTP ─► loadConfig ─► os.Setenv                 every hop shown
//	ServeHTTP ─► a ─► b ─► c ─► os.Setenv               b and c left out
func TestWitnessSentence(t *testing.T) {
	pkg := types.NewPackage("example.com/app", "app")
	handler := &roots.Root{Kind: roots.HTTPHandler, Name: "(*server).ServeHTTP", Via: "ServeHTTP method"}
	goroutine := &roots.Root{Kind: roots.Spawned, Lit: &ast.FuncLit{}, Name: "func literal in main", Via: "sync.WaitGroup.Go"}
	subtest := &roots.Root{Kind: roots.ParallelTest, Lit: &ast.FuncLit{}, Name: "subtest of TestX", Via: "t.Run"}
	for _, tc := range []struct {
		name   string
		root   *roots.Root
		path   []envaccess.Hop
		elided int
		want   string
	}{
		{"access in the root", handler, hops("os.Setenv"), 0, ""},
		{"one call", handler, hops("app.loadConfig", "os.Setenv"), 0,
			"ServeHTTP calls loadConfig, which calls os.Setenv"},
		{"hops left out", handler, hops("app.a", "app.b", "app.c", "os.Setenv"), 0,
			"ServeHTTP calls a, which eventually calls os.Setenv"},
		{"elided summary", handler, hops("app.a", "os.Getenv"), 2,
			"ServeHTTP calls a, which eventually calls os.Getenv"},
		{"literal root", goroutine, hops("app.runJob", "os.Setenv"), 0,
			"the goroutine calls runJob, which calls os.Setenv"},
		{"subtest root", subtest, hops("profiles.Render", "os.ExpandEnv"), 0,
			"the subtest calls profiles.Render, which calls os.ExpandEnv"},
	} {
		f := &finding{rule: RuleEnvWrite, root: tc.root, access: envaccess.Access{Path: tc.path, Elided: tc.elided}}
		if got := WitnessSentence(f.root, f.access, pkg); got != tc.want {
			t.Errorf("%s: witnessSentence = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestRootLabels checks how each kind of root renders in messages (RootDesc)
// and as the first related entry (RootStart), framework roots included.
func TestRootLabels(t *testing.T) {
	lit := &ast.FuncLit{}
	for _, tc := range []struct {
		root        roots.Root
		desc, start string
	}{
		{roots.Root{Kind: roots.HTTPHandler, Name: "index", Via: "handler registration"},
			"HTTP handler index", "HTTP handler registered here"},
		{roots.Root{Kind: roots.HTTPHandler, Name: "listUsers", Via: "handler registration", Framework: "gin"},
			"gin handler listUsers", "gin handler registered here"},
		{roots.Root{Kind: roots.HTTPHandler, Lit: lit, Name: "func literal in main", Via: "handler literal", Framework: "echo"},
			"echo handler in main", "echo handler registered here"},
		{roots.Root{Kind: roots.RPCMethod, Name: "(*server).GetUser", Via: "userpb.RegisterUserServiceServer", Framework: "gRPC"},
			"gRPC method (*server).GetUser", "gRPC method (*server).GetUser"},
		{roots.Root{Kind: roots.RPCMethod, Name: "(*Arith).Multiply", Via: "rpc.Register", Framework: "net/rpc"},
			"net/rpc method (*Arith).Multiply", "net/rpc method (*Arith).Multiply"},
		{roots.Root{Kind: roots.Scheduled, Name: "refresh", Via: "cron.AddFunc", Framework: "cron"},
			"cron job refresh", "cron job scheduled here by cron.AddFunc"},
		{roots.Root{Kind: roots.Scheduled, Lit: lit, Name: "func literal in Start", Via: "cron.AddFunc", Framework: "cron"},
			"cron job in Start", "cron job scheduled here by cron.AddFunc"},
	} {
		r := tc.root
		if got := RootDesc(&r); got != tc.desc {
			t.Errorf("RootDesc = %q, want %q", got, tc.desc)
		}
		if got := RootStart(&r); got != tc.start {
			t.Errorf("RootStart = %q, want %q", got, tc.start)
		}
	}
}
