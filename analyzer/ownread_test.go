package analyzer

import (
	"go/token"
	"go/types"
	"testing"

	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// TestOwnRead: whether the root's own package makes a read reached through
// other functions, by the import path of the access's last hop and the
// package of the root's function.
func TestOwnRead(t *testing.T) {
	api := types.NewPackage("example.com/app/api", "api")
	handler := &roots.Root{Kind: roots.HTTPHandler, Func: types.NewFunc(token.NoPos, api, "Handle", types.NewSignatureType(nil, nil, nil, nil, nil, false))}
	literal := &roots.Root{Kind: roots.HTTPHandler}
	for _, c := range []struct {
		name string
		root *roots.Root
		at   string
		want bool
	}{
		{"the handler's package", handler, "example.com/app/api/h.go:8", true},
		{"another package of the module", handler, "example.com/app/providers/p.go:8", false},
		{"a package below the handler's", handler, "example.com/app/api/internal/x.go:1", false},
		{"another module", handler, "github.com/aws/aws-sdk-go-v2/config/c.go:232", false},
		{"the standard library's own read", handler, "os/env.go:12", false},
		{"a literal root, read in another package", literal, "example.com/app/providers/p.go:8", false},
		{"no package in At", handler, "c.go:1", true},
	} {
		a := envaccess.Access{Path: []envaccess.Hop{{Callee: "f", At: "example.com/app/main.go:1"}, {Callee: "os.Getenv", At: c.at}}}
		if got := ownRead(c.root, a); got != c.want {
			t.Errorf("%s: ownRead(access at %s) = %v, want %v", c.name, c.at, got, c.want)
		}
	}
}
