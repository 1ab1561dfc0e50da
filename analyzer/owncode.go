package analyzer

import (
	"path"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/passes/config"
	"github.com/credlint/credlint/passes/envaccess"
)

// ModulePath returns the path of m, the module of the package being
// analysed, or "" when the driver does not know it (GOPATH mode, files
// named on the command line).
func ModulePath(m *analysis.Module) string {
	if m == nil {
		return ""
	}
	return m.Path
}

// ownRead reports whether a read is made by the code of module, the module
// of the package that holds the root: in the analysed package itself, or
// in another package whose import path lies under the module's path. A
// read made inside another module's code (an SDK's default credential
// chain, reached through its constructor) is not: with no write of it in
// view it can only see the one identity the process was deployed with,
// and the caller's fix is the SDK's explicit-credential option, not a
// per-request read; cred-read-shared lists it as advice. The standard
// library's own reads are another module's too; a standard-library
// function the analysed code calls (os.UserHomeDir) is an access at that
// call, in the caller's package. With module unknown every read is the
// program's own.
func ownRead(module string, a envaccess.Access) bool {
	if module == "" || len(a.Path) == 0 {
		return true
	}
	last := a.Path[len(a.Path)-1]
	if last.Pos().IsValid() {
		return true // the analysed package reads it itself
	}
	pkg := hopPackage(last.At)
	return pkg == "" || pkg == module || strings.HasPrefix(pkg, module+"/")
}

// hopPackage returns the import path of the package a hop's call is in,
// from its At ("import/path/file.go:line"), or "" when At has no
// directory.
func hopPackage(at string) string {
	file := at
	if i := strings.LastIndex(at, ":"); i >= 0 {
		file = at[:i]
	}
	if dir := path.Dir(file); dir != "." {
		return dir
	}
	return ""
}

// libraryPathRead reports whether a is a read, in another package than the
// analysed one, of a credential key whose value is a path to the
// credential (config.NamesPath: AZURE_FEDERATED_TOKEN_FILE,
// AWS_SHARED_CREDENTIALS_FILE): like a locator, with no write of it in
// view it can only point at the one credential the process was deployed
// with (a token file the platform mounts and rotates). Unlike a locator it
// stays in the race tier when writes in view hold a lock it holds too
// (NeedsWriter), as any credential.
func libraryPathRead(cfg *config.Config, a envaccess.Access) bool {
	if a.From != envaccess.KeyConst || len(a.Path) == 0 || a.Path[len(a.Path)-1].Pos().IsValid() {
		return false
	}
	return cfg.NamesPath(a.Key)
}
