// Package workspace knows the repository's module layout, for the tests
// and tools that run the go command inside it.
//
// The released modules (the root module, profileenv and the SDK adapters
// under profileenv/) require each other at versions and never by
// `replace`, so that each installs by version; a checkout develops them
// together through the go.work at the root, whose `use` lists them and
// whose `replace` lines point each in-repository requirement at its
// directory (docs/release.md). The other modules of the repository
// (testdata, benchmarks, fixtures) stand for users' modules and are not in
// the workspace: the go command must run in them with GOWORK=off, or it
// stops at the root go.work ("directory ... is contained in a module that
// is not one of the workspace modules").
package workspace

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"golang.org/x/mod/modfile"
)

// Module is a module of the repository: its path and absolute directory.
type Module struct {
	Path, Dir string
}

// GoworkEnv returns the GOWORK setting ("GOWORK=off" or
// "GOWORK=/abs/go.work") under which the go command, run in dir, works as
// a developer's would in a checkout: in the workspace when dir's module
// is one of its modules, on dir's module alone otherwise (a testdata
// module, a temporary copy). It is explicit either way, so that a GOWORK
// in the caller's environment changes nothing.
func GoworkEnv(dir string) string {
	modDir := enclosing(dir, "go.mod")
	if modDir == "" {
		return "GOWORK=off"
	}
	work := enclosing(modDir, "go.work")
	if work == "" {
		return "GOWORK=off"
	}
	file := filepath.Join(work, "go.work")
	uses, err := Uses(file)
	if err != nil {
		return "GOWORK=off"
	}
	for _, m := range uses {
		if m.Dir == modDir {
			return "GOWORK=" + file
		}
	}
	return "GOWORK=off"
}

// Uses returns the modules the go.work file uses, with their directories
// made absolute.
func Uses(gowork string) ([]Module, error) {
	wf, err := parseWork(gowork)
	if err != nil {
		return nil, err
	}
	var mods []Module
	for _, u := range wf.Use {
		dir := filepath.Join(filepath.Dir(gowork), filepath.FromSlash(u.Path))
		mf, err := parseMod(filepath.Join(dir, "go.mod"))
		if err != nil {
			return nil, err
		}
		mods = append(mods, Module{Path: mf.Module.Mod.Path, Dir: dir})
	}
	return mods, nil
}

// Released returns the modules of the repository at root that are
// released together with one version: the root module and every module
// under profileenv/ (the shim and its SDK adapters), root first, then by
// directory.
func Released(root string) ([]Module, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	dirs := []string{root}
	err = filepath.WalkDir(filepath.Join(root, "profileenv"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "vendor") {
			return filepath.SkipDir
		}
		if !d.IsDir() && d.Name() == "go.mod" {
			dirs = append(dirs, filepath.Dir(path))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(dirs[1:])
	var mods []Module
	for _, dir := range dirs {
		mf, err := parseMod(filepath.Join(dir, "go.mod"))
		if err != nil {
			return nil, err
		}
		mods = append(mods, Module{Path: mf.Module.Mod.Path, Dir: dir})
	}
	return mods, nil
}

// enclosing returns the nearest directory at or above dir (made
// absolute) that holds a file called name, or "".
func enclosing(dir, name string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if fi, err := os.Stat(filepath.Join(dir, name)); err == nil && !fi.IsDir() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func parseMod(file string) (*modfile.File, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	mf, err := modfile.Parse(file, data, nil)
	if err == nil && mf.Module == nil {
		err = errors.New(file + ": no module line")
	}
	return mf, err
}

func parseWork(file string) (*modfile.WorkFile, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return modfile.ParseWork(file, data, nil)
}
