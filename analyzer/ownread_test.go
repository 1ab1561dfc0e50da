package analyzer

import (
	"testing"

	"github.com/credlint/credlint/passes/envaccess"
)

// TestOwnRead: whose code makes a read reached through other packages, by
// the import path of the access's hop and the root's module path.
func TestOwnRead(t *testing.T) {
	for _, c := range []struct {
		module, at string
		want       bool
	}{
		{"example.com/app", "example.com/app/providers/p.go:8", true},     // another package of the module
		{"example.com/app", "example.com/app/main.go:3", true},            // the module's root package
		{"example.com/app", "example.com/sdk/client/client.go:13", false}, // another module
		{"example.com/app", "example.com/application/x/x.go:1", false},    // a path prefix is not a package prefix
		{"example.com/app", "github.com/aws/aws-sdk-go-v2/config/c.go:232", false},
		{"example.com/app", "os/env.go:12", false},                 // the standard library's own read
		{"", "github.com/aws/aws-sdk-go-v2/config/c.go:232", true}, // module unknown: every read is the program's
		{"example.com/app", "c.go:1", true},                        // no package in At: as before the rule
	} {
		a := envaccess.Access{Path: []envaccess.Hop{{Callee: "f", At: "example.com/app/main.go:1"}, {Callee: "os.Getenv", At: c.at}}}
		if got := ownRead(c.module, a); got != c.want {
			t.Errorf("ownRead(%q, access at %s) = %v, want %v", c.module, c.at, got, c.want)
		}
	}
}
