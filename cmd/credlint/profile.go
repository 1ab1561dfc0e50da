package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
)

// This file holds standalone mode's -cpuprofile and -memprofile, the
// profiles `go tool pprof` reads. Under go vet each package is its own
// short-lived process; bench/profile.sh samples that process tree instead.

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
