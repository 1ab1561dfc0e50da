package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"

	"golang.org/x/tools/go/analysis"
)

// This file holds standalone mode's -cpuprofile and -memprofile, the
// profiles `go tool pprof` reads. Under go vet each package is its own
// short-lived process: bench/profile.sh samples that process tree, and
// CREDLINT_UNIT_MEMPROFILE has each unit write its own heap profile.

// startProfiles starts the CPU profile when o asks for one and returns a
// function that stops it and writes the heap profile. Errors name the flag
// and the file; a profile that cannot be written never changes findings.
func startProfiles(o *options, stderr io.Writer) (stop func()) {
	var cpu *os.File
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: -cpuprofile: %v\n", progname, err)
		} else {
			cpu = f
		}
	}
	return func() {
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				fmt.Fprintf(stderr, "%s: -cpuprofile: %v\n", progname, err)
			}
		}
		if o.memProfile != "" {
			writeHeapProfile(o.memProfile, stderr)
		}
	}
}

func writeHeapProfile(name string, stderr io.Writer) {
	f, err := os.Create(name)
	if err == nil {
		runtime.GC() // up-to-date statistics
		err = pprof.Lookup("allocs").WriteTo(f, 0)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: -memprofile: %v\n", progname, err)
	}
}

// unitMemProfileEnv names a directory in which every unit run under go
// vet writes the allocation profile of its analysis (ID.pprof, the unit's
// package ID from go vet's config) and appends a line "RSS-KiB ID" to
// units.txt: the process's peak RSS when the analysis ended (the facts
// are encoded after it). There is no flag for it because a flag would be
// part of go vet's cache key; go vet replays a cached unit without
// running it, so profile a run whose vet results are cold.
const unitMemProfileEnv = "CREDLINT_UNIT_MEMPROFILE"

// withUnitMemProfile returns a, changed to write its unit's profile after
// it runs when unitMemProfileEnv is set, or a. The analyzer runs after
// every pass it requires, so the profile covers the unit's analysis.
func withUnitMemProfile(a *analysis.Analyzer, cfgFile string) *analysis.Analyzer {
	dir := os.Getenv(unitMemProfileEnv)
	if dir == "" {
		return a
	}
	w := *a
	w.Run = func(pass *analysis.Pass) (any, error) {
		res, err := a.Run(pass)
		writeUnitProfile(dir, unitProfileName(cfgFile, pass.Pkg.Path()))
		return res, err
	}
	return &w
}

// unitProfileName returns the unit's package ID from go vet's config
// file, or path, as a file name.
func unitProfileName(cfgFile, path string) string {
	var cfg unitConfig
	if data, err := os.ReadFile(cfgFile); err == nil && json.Unmarshal(data, &cfg) == nil && cfg.ID != "" {
		path = cfg.ID
	}
	return strings.NewReplacer("/", "_", " ", "", "[", "@", "]", "").Replace(path)
}

// writeUnitProfile writes the profile and the RSS line; failures are
// reported on stderr and change nothing else.
func writeUnitProfile(dir, name string) {
	writeHeapProfile(filepath.Join(dir, name+".pprof"), os.Stderr)
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	f, err := os.OpenFile(filepath.Join(dir, "units.txt"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err == nil {
		_, err = fmt.Fprintf(f, "%d %s\n", ru.Maxrss, name) // KiB on Linux
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %s: %v\n", progname, unitMemProfileEnv, err)
	}
}
