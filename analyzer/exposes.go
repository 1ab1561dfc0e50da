package analyzer

import (
	"go/ast"
	"go/types"

	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// checkExposes reports a child process started on a concurrent path with
// the whole environment (a nil Env), when nothing races with it but the
// package reads credentials from the environment: the child gets them too.
// It is advice, off by default, for programs that run untrusted or
// third-party commands (docs/rules.md). A child whose Env the code builds,
// filtering the credentials out, is not an inheriting access at all.
//
//	key := os.Getenv("OPENAI_API_KEY")       // the program holds a credential
//	exec.Command("plugin").Run()             // in a handler: reported
func (c *checker) checkExposes(r *roots.Root, a envaccess.Access) {
	if !c.cfg.Enabled(RuleExecExposes) {
		return
	}
	if key := c.credentialReadKey(); key != "" {
		c.add(RuleExecExposes, r, a, key)
	}
}

// credentialReadKey returns the first (in sorted order) credential
// variable the package reads by name, directly or through its callees, or
// "". It is computed once.
func (c *checker) credentialReadKey() string {
	if c.credKey != nil {
		return *c.credKey
	}
	best := ""
	note := func(as []envaccess.Access) {
		for _, a := range as {
			if a.Kind == envaccess.Read && a.From == envaccess.KeyConst && c.cfg.IsCredential(a.Key) &&
				(best == "" || a.Key < best) {
				best = a.Key
			}
		}
	}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					note(c.env.FuncAccesses(fn))
				}
			}
		}
	}
	for _, r := range c.roots.Roots {
		note(c.accesses(r))
	}
	c.credKey = &best
	return best
}
