package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEnginesRegistry runs both engines on the analyzer's registry
// fixture as a module: a worker pool calls a reconciler, which calls a
// provider registered in the init of a package its package imports only
// through a blank import of another. Under go vet the reconciler's unit
// decodes no fact of the provider's package (the export data of the
// blank-importing package does not mention it), so the write is found
// there only through the carried dispatches of the Conversions facts.
func TestEnginesRegistry(t *testing.T) {
	t.Parallel()
	const module = "github.com/example/registry"
	src := filepath.Join("..", "..", "analyzer", "testdata", "src", "registry")
	files := map[string]string{"go.mod": "module " + module + "\n\ngo 1.26\n"}
	paths, err := filepath.Glob(filepath.Join(src, "*", "*.go"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixture under %s: %v", src, err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(src, p)
		files[filepath.ToSlash(rel)] = strings.ReplaceAll(string(b), `"registry/`, `"`+module+`/`)
	}
	dir := writeModule(t, files)
	sameEngines(t, dir)
	r := credlint(t, dir, "-engine=vet", "-json", "./...")
	if !strings.Contains(r.stdout, `ctrl.go:18:9`) || !strings.Contains(r.stdout, `os.Setenv(\"AWS_ACCESS_KEY_ID\")`) ||
		strings.Contains(r.stdout, "AWS_SESSION_TOKEN") {
		t.Errorf("go vet placement: want the write of AWS_ACCESS_KEY_ID at ctrl's call, and nothing of the unregistered provider\n%s", r)
	}
}

// TestEnginesHiddenPool runs both engines on a library whose workers live
// in a package its API package uses only inside a function body
// (controller-runtime's internal/controller behind pkg/controller): go vet
// decodes no fact of that package in the program's units, so the worker
// root is found there only through the API package's forwarded
// ConcurrentCalls fact.
func TestEnginesHiddenPool(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"go.mod":     "module github.com/example/hidden\n\ngo 1.26\n",
		"rec/rec.go": "package rec\n\ntype Reconciler interface{ Reconcile(key string) error }\n",
		"internal/ctl/ctl.go": `package ctl

import "github.com/example/hidden/rec"

type Controller struct {
	Do    rec.Reconciler
	Queue chan string
}

func (c *Controller) Start() {
	go func() {
		for k := range c.Queue {
			_ = c.Do.Reconcile(k)
		}
	}()
}
`,
		"api/api.go": `package api

import (
	"github.com/example/hidden/internal/ctl"
	"github.com/example/hidden/rec"
)

type Starter interface{ Start() }

func New(r rec.Reconciler, q chan string) Starter { return &ctl.Controller{Do: r, Queue: q} }
`,
		"app/app.go": `package app

import (
	"os"

	"github.com/example/hidden/api"
)

type R struct{}

func (*R) Reconcile(key string) error { return os.Setenv("AWS_ACCESS_KEY_ID", key) }

func Setup(q chan string) { api.New(&R{}, q).Start() }
`,
	})
	sameEngines(t, dir)
}
