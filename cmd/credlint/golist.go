package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/credlint/credlint/cmd/credlint/internal/program"
)

// This file computes the go vet engine's program.Table with go list.

// listedPackage is what the driver reads of go list -json.
type listedPackage struct {
	ImportPath string
	ForTest    string
	Dir        string
	GoFiles    []string
	CgoFiles   []string
	DepOnly    bool
	Incomplete bool
	Module     *struct {
		Main bool
		Dir  string
	}
	Error      *struct{ Err string }
	DepsErrors []*struct{ Err string }
}

// errorText returns the package's own error, or its first dependency's,
// indented on the lines after the one it follows, or "".
func (lp *listedPackage) errorText() string {
	var msg string
	switch {
	case lp.Error != nil:
		msg = lp.Error.Err
	case len(lp.DepsErrors) > 0 && lp.DepsErrors[0] != nil:
		msg = lp.DepsErrors[0].Err
	}
	if msg = strings.TrimSpace(msg); msg == "" {
		return ""
	}
	return ":\n\t" + strings.ReplaceAll(msg, "\n", "\n\t")
}

// commandError returns the error of the external command name with what
// it printed on stderr, so that the cause (a full GOCACHE, a missing
// TMPDIR, no C compiler) reaches the user, not only "exit status 1".
func commandError(name string, err error) error {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if msg := strings.TrimSpace(string(exit.Stderr)); msg != "" {
			return fmt.Errorf("%s: %v:\n\t%s", name, err, strings.ReplaceAll(msg, "\n", "\n\t"))
		}
	}
	return fmt.Errorf("%s: %v", name, err)
}

// listFields are the fields of listedPackage, for go list -json=...
const listFields = "ImportPath,ForTest,Dir,GoFiles,CgoFiles,DepOnly,Incomplete,Module,Error,DepsErrors"

// listTable runs go list on patterns and their dependencies, test
// variants included, and returns the table of their files. It fails when
// some package has an error or patterns match no package.
func listTable(patterns []string, o *options) (*program.Table, error) {
	args := []string{"list", "-e", "-deps", "-test", "-json=" + listFields}
	if o.tags != "" {
		args = append(args, "-tags="+o.tags)
	}
	cmd := exec.Command("go", append(args, patterns...)...)
	out, err := cmd.Output()
	if err != nil {
		return nil, commandError("go list", err)
	}
	t := &program.Table{}
	roots := 0
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var lp listedPackage
		if err := dec.Decode(&lp); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("go list: %v", err)
		}
		if lp.Error != nil || len(lp.DepsErrors) > 0 || lp.Incomplete {
			return nil, fmt.Errorf("package %s does not load%s", lp.ImportPath, lp.errorText())
		}
		if !lp.DepOnly {
			roots++
		}
		tp := program.TablePackage{ID: lp.ImportPath, ForTest: lp.ForTest}
		tp.PkgPath, _, _ = strings.Cut(lp.ImportPath, " ")
		for _, f := range slices.Concat(lp.GoFiles, lp.CgoFiles) {
			if !filepath.IsAbs(f) {
				f = filepath.Join(lp.Dir, f)
			}
			tp.Files = append(tp.Files, f)
		}
		// Files on the command line have no module: the user's.
		tp.Origin = program.Origin(lp.Module != nil, lp.Module != nil && lp.Module.Main, tp.Files)
		t.Packages = append(t.Packages, tp)
	}
	if roots == 0 {
		return nil, errors.New("no packages matched")
	}
	return t, nil
}
