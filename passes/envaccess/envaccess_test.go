package envaccess_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/passes/envaccess"
)

func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), envaccess.Analyzer,
		"basic", "keys", "dynamic", "crosspkg/app", "recursion", "once", "execcmd", "shimuser", "locks/lib", "locks/app", "example.net/app", "example.net/direct", "generic", "userdirs", "tagloaders", "guards/lib", "guards/app", "varfuncs", "dispatch/app", "dispatch/wiring", "snapshot", "varfuncs/lib", "varfuncs/app", "registry/vault", "registry/register", "registry/ctrl", "builtnames", "funcvar", "methodexpr")
}
