package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// versionCommand is the first argument that runs credlint version.
const versionCommand = "version"

// runVersion prints "credlint VERSION", VERSION being the module version
// of the build (moduleVersion), and exits 0; it takes no arguments.
func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "%s %s: takes no arguments\nRun '%s -h' for usage.\n", progname, versionCommand, progname)
		return exitError
	}
	fmt.Fprintf(stdout, "%s %s\n", progname, moduleVersion())
	return exitOK
}

// moduleVersion is credlint's module version as the build info records
// it: v1.2.3 for `go install github.com/credlint/credlint/cmd/credlint@v1.2.3`,
// a pseudo-version for a commit, "(devel)" for a build in a checkout;
// "unknown" for a binary built without module support.
func moduleVersion() string {
	return mainVersion(debug.ReadBuildInfo())
}

func mainVersion(bi *debug.BuildInfo, ok bool) string {
	if !ok || bi.Main.Version == "" {
		return "unknown"
	}
	return bi.Main.Version
}

// released reports whether version names a version of the module (a
// release or a pseudo-version), not a checkout build.
func released(version string) bool {
	return version != "unknown" && version != "(devel)"
}
