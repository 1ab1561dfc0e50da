package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
	"github.com/credlint/credlint/cmd/credlint/internal/program"
)

// This file is standalone credlint's go vet engine. Loading every package
// of the program in one process, with syntax and types, costs memory in
// proportion to the whole program (2.1 GiB on caddy, five times
// staticcheck's peak) and has nothing to reuse on a rerun. Instead, the
// driver runs
//
//	go vet -json -vettool=<credlint> -parts [-tags=...] [analyzer flags] patterns
//
// in which every package is a unit process of its own: the dependencies
// compute facts only, and each package that the patterns match prints its
// part of the whole-program findings (unitparts.go), resolving witness
// paths through other packages with the table of their files that the
// driver serves (tableserver.go). go vet caches facts and parts alike, so
// a rerun analyses only what changed. The driver then merges the parts
// (program.Merge) into the findings, witnesses and fingerprints of the
// in-process engine.
//
// The in-process engine (standalone.go) still does what go vet cannot:
// -test=false (go vet always analyses tests), profiling the analysis, the
// inventory of credlint audit, and every run in which some package does
// not load, does not type-check or fails to analyse, where it reports each
// problem in full (see loaderrors.go) and analyses the rest. This engine
// gives up on the first sign of those, having printed nothing, and the
// in-process engine runs instead.

// Values of -engine.
const (
	engineAuto    = "auto"    // go vet, else in process
	engineVet     = "vet"     // go vet only
	engineProcess = "process" // in process only
)

var engines = []string{engineAuto, engineVet, engineProcess}

// vetEngineUnusable returns why the options rule out the go vet engine,
// or "".
func vetEngineUnusable(o *options) string {
	switch {
	case !o.test:
		return "-test=false (go vet always analyses test files)"
	case o.cpuProfile != "" || o.memProfile != "":
		return "-cpuprofile and -memprofile (they profile the analysis in process)"
	}
	return ""
}

// analyseWithVet returns the findings of the packages that patterns
// match, computed through go vet, each finding of the whole program
// (perPackage false) or as go vet shows them (true). The error says why
// go vet could not analyse them all.
func analyseWithVet(patterns []string, o *options, perPackage bool) (findings []output.Finding, err error) {
	dir, err := socketDir()
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	work, err := goWorkParent()
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	defer dieIfInterrupted(ctx, cancel, dir, work)()
	// The units that run ask for the table (tableserver.go); go list
	// computes it on the first request. A rerun that go vet serves from
	// its cache runs no unit and no go list.
	srv, err := serveTable(filepath.Join(dir, "table.sock"), func() (*program.Table, error) {
		t, err := listTable(patterns, o)
		if err != nil {
			cancel() // a package does not load: go vet would fail too
		}
		return t, err
	})
	if err != nil {
		return nil, err
	}
	type listed struct {
		roots map[unitKey]bool
		err   error
	}
	rootsc := make(chan listed, 1)
	go func() {
		roots, err := listRoots(ctx, patterns, o, work)
		rootsc <- listed{roots, err}
	}()
	outs, vetErr := runVetParts(ctx, patterns, o, srv.path, work)
	_, listErr := srv.close()
	matched := <-rootsc
	switch {
	case listErr != nil:
		return nil, listErr // the cause of go vet's failure, if it failed
	case vetErr != nil:
		return nil, vetErr
	case matched.err != nil:
		return nil, matched.err
	}
	results, err := matchedResults(outs, matched.roots)
	if err != nil {
		return nil, err
	}
	if perPackage {
		for _, r := range results {
			for _, f := range r.PerPackage {
				if !suppressedInSource(f) {
					findings = append(findings, f)
				}
			}
		}
		return findings, nil
	}
	var parts []program.Part
	for _, r := range results {
		parts = append(parts, r.Parts...)
	}
	return program.Merge(parts), nil
}

// dieIfInterrupted makes SIGINT and SIGTERM cancel ctx (go vet is
// interrupted and cleans up, see gocmd.go).
// The function it returns, deferred, removes dirs and dies of the signal
// if one came, so that an interrupted run leaves nothing behind.
func dieIfInterrupted(ctx context.Context, cancel func(), dirs ...string) func() {
	caught := make(chan os.Signal, 1)
	signal.Notify(caught, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case sig := <-caught:
			caught <- sig // for the deferred check
			cancel()
		case <-ctx.Done():
		}
	}()
	return func() {
		signal.Stop(caught)
		select {
		case sig := <-caught:
			for _, dir := range dirs {
				os.RemoveAll(dir)
			}
			signal.Reset(sig)
			syscall.Kill(os.Getpid(), sig.(syscall.Signal))
			time.Sleep(time.Second) // the signal's default action ends the process meanwhile
			os.Exit(exitError)
		default:
		}
	}
}

// suppressedInSource reports whether a diagnostic carries the marker of a
// finding that a //credlint:ignore directive covers, which go vet's JSON
// tree leaves out.
func suppressedInSource(f output.Finding) bool {
	n := len(f.Related)
	return n > 0 && strings.HasPrefix(f.Related[n-1].Message, program.SuppressedPrefix)
}

// socketDir creates the directory of the table's socket: under the
// temporary directory, or under /tmp when that path would be too long for
// a Unix socket (108 bytes on Linux, 104 on macOS).
func socketDir() (string, error) {
	const maxSocketPath = 100
	dir, err := os.MkdirTemp("", "credlint-")
	if err != nil || len(filepath.Join(dir, "table.sock")) <= maxSocketPath {
		return dir, err
	}
	os.RemoveAll(dir)
	return os.MkdirTemp("/tmp", "credlint-")
}

// mainModuleDir returns the directory of the module or workspace that
// the go command works in here (go env GOMOD and GOWORK), or "". It does
// not depend on the patterns, so that a rerun of the same command
// resolves paths the same way whatever go vet had cached.
func mainModuleDir() string {
	out, err := exec.Command("go", "env", "GOWORK", "GOMOD").Output()
	if err != nil {
		return ""
	}
	for _, f := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if f = strings.TrimSpace(f); f != "" && f != os.DevNull && f != "off" {
			return filepath.Dir(f)
		}
	}
	return ""
}

// runVetParts runs go vet with credlint's units printing their parts, the
// table served at tableSock and its $WORK under work, and returns their
// results. It fails when go vet fails.
func runVetParts(ctx context.Context, patterns []string, o *options, tableSock, work string) ([]unitOutput, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	// -json: go vet then copies the units' stdout through as it is
	// (without it, go vet 1.26 reads the units' stdout as JSON diagnostics).
	args := []string{"vet", "-json", "-vettool=" + exe, "-" + partsFlag}
	if o.tags != "" {
		args = append(args, "-tags="+o.tags)
	}
	args = append(args, o.analyzerArgs...)
	cmd := goCommand(ctx, append(args, patterns...)...)
	cmd.Env = append(goWorkEnv(work), tableEnv+"="+tableSock)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	results, readErr := readUnitResults(stdout)
	io.Copy(io.Discard, stdout) // let go vet finish
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("go vet: %v\n%s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	if readErr != nil {
		return nil, fmt.Errorf("go vet: %v", readErr)
	}
	return results, nil
}

// readUnitResults reads the units' output: a unitOutput from each.
func readUnitResults(r io.Reader) ([]unitOutput, error) {
	var results []unitOutput
	dec := json.NewDecoder(r)
	for {
		var raw json.RawMessage
		if err := dec.Decode(&raw); errors.Is(err, io.EOF) {
			return results, nil
		} else if err != nil {
			return nil, err
		}
		var u unitOutput
		if err := json.Unmarshal(raw, &u); err != nil {
			return nil, err
		}
		if u.Path == "" {
			return nil, fmt.Errorf("a unit printed what credlint's units do not: %.500s", raw)
		}
		results = append(results, u)
	}
}
