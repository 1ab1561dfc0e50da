package analyzer

import (
	"path"
	"strings"

	"github.com/credlint/credlint/passes/config"
	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// ownRead reports whether a read is made by the request root's own
// package: in the analysed package itself, or in the package that declares
// the root's function (a handler of package api registered by main); a
// read through a helper that takes the variable's name counts as made
// where the name is passed (readingHop). That
// is the code serving the request, where the request's profile can be
// routed (profileenv.Getenv(ctx, ...), a value taken from the request).
// A read behind a package boundary, reached from the handler, is a
// component's default identity: an SDK's default credential chain, or a
// key source or client constructor of the program's own module that falls
// back to the process's credentials when the caller passes none (the sops
// key service's gcpkms and age packages, docs/precision.md, K6). With no
// write of it in view it can only see the one identity the process was
// deployed with; cred-read-shared lists it as advice. A standard-library
// function the analysed code calls (os.UserHomeDir) is an access at that
// call, in the caller's package.
func ownRead(r *roots.Root, a envaccess.Access) bool {
	if len(a.Path) == 0 {
		return true
	}
	h := readingHop(a)
	if h.Pos().IsValid() {
		return true // the analysed package reads it, or names it, itself
	}
	pkg := hopPackage(h.At)
	if pkg == "" {
		return true // no package in At: the read's package is unknown
	}
	return r.Func != nil && r.Func.Pkg() != nil && pkg == r.Func.Pkg().Path()
}

// readingHop returns the hop whose package counts as making the read: the
// call that named the variable for a parameter-keyed helper
// (envlib.Lookup("DB_PASSWORD"): the caller chose the credential), else
// the access itself, the last hop.
func readingHop(a envaccess.Access) envaccess.Hop {
	for _, h := range a.Path {
		if h.Names {
			return h
		}
	}
	return a.Path[len(a.Path)-1]
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
