package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/credlint/credlint/internal/names"
	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// viaContextRead marks the pseudo-root of a cred-read-ignores-context
// finding: the function that holds the read, concurrent or not.
const viaContextRead = "context read"

// checkContextReads implements -context-reads, the migration mode for
// programs that attach per-request profiles with profileenv: every
// credential read of the package's own code that could read the context's
// profile instead is reported, with the fix, whether or not a concurrent
// root reaches it here. It finds reads in library packages that a server
// elsewhere calls from its handlers:
//
//	func Status(ctx context.Context) bool {
//		return os.Getenv("OPENAI_API_KEY") != ""   // reported, fixed to
//	}                                               // profileenv.Getenv(ctx, ...)
//
// Only reads with a fix are reported: a context in scope, or one that can
// be threaded through an unexported helper. Reads already reported by a
// concurrent rule are not reported again.
func (c *checker) checkContextReads() {
	if !c.cfg.ContextReads() {
		return
	}
	reported := map[token.Pos]bool{}
	for _, k := range c.order {
		reported[k.pos] = true
	}
	fx := newFixer(c.pass)
	for _, file := range c.pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			root := &roots.Root{Func: fn, Pos: fd.Name.Pos(), Name: names.Func(fn, c.pass.Pkg), Via: viaContextRead}
			for _, a := range c.env.FuncAccesses(fn) {
				sink := a.Path[len(a.Path)-1].Pos()
				if a.Kind != envaccess.Read || !sink.IsValid() || reported[sink] || !c.credentialRead(a) {
					continue
				}
				if len(fx.fixes(&finding{root: root, access: a})) == 0 {
					continue
				}
				c.addAt(sink, RuleContextRead, root, a, "")
			}
		}
	}
}

// credentialRead reports whether a read is of a credential key or of the
// whole environment.
func (c *checker) credentialRead(a envaccess.Access) bool {
	return a.From == envaccess.KeyAll || a.From == envaccess.KeyConst && c.cfg.IsCredential(a.Key)
}
