package threadclash

import (
	"context"
	"net/http"
	"os"
)

// localCtx declares a ctx of its own: a ctx parameter would clash with it,
// so no fix.
func localCtx(name string) string {
	ctx := "tenant"
	return ctx + os.Getenv(name) // want `os.Getenv\("STRIPE_SECRET_KEY"\) reads a credential reachable from HTTP handler handle`
}

// innerCtx shadows ctx at the read: profileenv.Getenv(ctx, ...) would get
// the string, so no fix.
func innerCtx(name string) string {
	if ctx := len(name); ctx > 0 {
		return os.Getenv(name) // want `os.Getenv\("GITHUB_TOKEN"\) reads a credential reachable from HTTP handler handle`
	}
	return ""
}

// resultCtx has a named result ctx: no fix.
func resultCtx(name string) (ctx string) {
	return os.Getenv(name) // want `os.Getenv\("OPENAI_API_KEY"\) reads a credential reachable from HTTP handler handle`
}

var ctx = "global"

// globalCtx uses the package-level ctx: a parameter would shadow it, so
// no fix.
func globalCtx(name string) string {
	return ctx + os.Getenv(name) // want `os.Getenv\("AWS_SECRET_ACCESS_KEY"\) reads a credential reachable from HTTP handler handle`
}

// unnamed has unnamed parameters: the fix names them _ so that the list
// stays valid.
func unnamed(string, int) string {
	return os.Getenv("DB_PASSWORD") // want `os.Getenv\("DB_PASSWORD"\) reads a credential reachable from HTTP handler handle`
}

// unnamedVariadic has an unnamed variadic parameter.
func unnamedVariadic(...string) string {
	return os.Getenv("SLACK_TOKEN") // want `os.Getenv\("SLACK_TOKEN"\) reads a credential reachable from HTTP handler handle`
}

// blankCtx already takes a context, unused: the fix names it ctx and
// leaves the signature and the calls alone.
func blankCtx(_ context.Context, name string) string {
	return os.Getenv(name) // want `os.Getenv\("NPM_TOKEN"\) reads a credential reachable from HTTP handler handle`
}

// unnamedCtx takes an unnamed context: naming it names the others _.
func unnamedCtx(context.Context, string) string {
	return os.Getenv("PYPI_TOKEN") // want `os.Getenv\("PYPI_TOKEN"\) reads a credential reachable from HTTP handler handle`
}

// BlankCtx is exported: naming its blank parameter keeps its signature.
func BlankCtx(_ context.Context) string {
	return os.Getenv("SENTRY_DSN")
}

// shadowedCtx has a context, shadowed at the read: a second one would only
// confuse, so no fix.
func shadowedCtx(c context.Context, name string) string {
	for c := 0; c < 1; c++ {
		return os.Getenv(name) // want `os.Getenv\("GITLAB_TOKEN"\) reads a credential reachable from HTTP handler handle`
	}
	return ""
}

func handle(w http.ResponseWriter, r *http.Request) {
	_ = blankCtx(r.Context(), "NPM_TOKEN")
	_ = unnamedCtx(r.Context(), "x")
	_ = BlankCtx(r.Context()) // want `os.Getenv\("SENTRY_DSN"\) reads a credential`
	_ = shadowedCtx(r.Context(), "GITLAB_TOKEN")
	_ = localCtx("STRIPE_SECRET_KEY")
	_ = innerCtx("GITHUB_TOKEN")
	_ = resultCtx("OPENAI_API_KEY")
	_ = globalCtx("AWS_SECRET_ACCESS_KEY")
	_ = unnamed("a", 1)
	_ = unnamedVariadic("a", "b")
}

func main() {
	http.HandleFunc("/", handle)
}
