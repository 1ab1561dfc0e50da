// Command credlint reports racy environment use (credential reads,
// os.Setenv, child processes that inherit the environment) on concurrent
// paths such as HTTP handlers and goroutines.
//
// It runs in two modes, with the same flag names in both, and has two
// subcommands:
//
//	credlint [flags] [packages]                            # standalone
//	go vet -vettool=$(command -v credlint) [flags] [packages]
//	credlint audit [flags] [packages]                      # inventory
//	credlint version                                       # module version
//
// Standalone, credlint analyses the packages (default: the package in the
// current directory, as go vet does), with their tests unless -test=false,
// and sees the whole program: it reports each access once, at the access
// itself when that code is in the analysed module, with every concurrent
// root that reaches it (see package internal/program). It runs go vet with
// itself as the vet tool, one process per package, and merges what the
// packages print (vetengine.go), so that go's cache serves reruns; when
// some package does not load or type-check, with -test=false, or with
// -engine=process, it loads every package into one process instead
// (standalone.go). The two agree but for the few analysis differences
// between one process and go vet's separate ones that docs/performance.md
// lists. It prints the
// findings on stdout in the format -format asks for: text (colored on a
// terminal unless NO_COLOR is set), json, sarif (for GitHub code scanning)
// or github (workflow annotations); -json prints the JSON tree that go vet
// -json prints, with go vet's per-package placement. -baseline and
// -write-baseline keep a file of accepted findings, so that a CI gate fails
// only on new ones. Packages that cannot be loaded or do not type-check are
// named on stderr, with what to do; the other packages are still analysed
// and reported.
//
// Under go vet (the tool is given one *.cfg file per package), credlint
// hands over to unitchecker; go vet prints the findings, each in the
// package that holds its root, and sets the exit status (1 for findings or
// errors). go vet learns the flags it may pass on from -flags and keys its
// cache on -V=full.
//
// credlint audit prints every environment variable the program reads or
// writes, its class, the functions that access it and the concurrent roots
// that reach it, as a table, Markdown or JSON.
//
// # Exit status
//
// Standalone, in every format:
//
//	0  no findings (or -exit-zero), no errors; also for -h, -V=full, -flags,
//	   -write-baseline, and findings that the baseline lists
//	1  usage error (bad flag or flag value), or a tool error: packages that
//	   cannot be loaded (syntax errors, type errors, missing modules,
//	   directories without Go files, patterns that match nothing), or an
//	   analysis that failed; findings in the other packages are still
//	   printed. Errors take precedence over findings, even with -exit-zero.
//	3  findings, and no errors
//
// These are the codes of go vet's standalone drivers (multichecker), except
// that they also apply with -json, where multichecker always exits 0.
// credlint audit exits 0, or 1 on usage and tool errors.
package main

import (
	"crypto/sha256"
	"debug/elf"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/internal/quote"
	"github.com/credlint/credlint/passes/config"
)

// Exit codes of standalone mode; see the package comment.
const (
	exitOK       = 0
	exitError    = 1
	exitFindings = 3
)

const progname = "credlint"

func main() {
	root := analyzer.Analyzer
	lifted, err := liftFlags(root)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", progname, err)
		os.Exit(exitError)
	}
	args := os.Args[1:]
	if pos := positionalArgs(args, lifted); len(pos) == 1 && strings.HasSuffix(pos[0], ".cfg") && isFile(pos[0]) {
		runUnit(root, args, lifted) // does not return
	}
	if len(args) > 0 && args[0] == auditCommand {
		os.Exit(runAudit(root, args[1:], lifted, os.Stdout, os.Stderr))
	}
	if len(args) > 0 && args[0] == versionCommand {
		os.Exit(runVersion(args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(standalone(root, args, lifted, os.Stdout, os.Stderr))
}

// isFile reports whether name is a regular file: go vet's *.cfg, not a
// package directory named like one.
func isFile(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.Mode().IsRegular()
}

// runUnit analyses the one compilation unit that go vet describes in a
// *.cfg file. It sets the lifted analyzer flags itself (see flags.go) and
// hands the process over to unitchecker.Main with the other arguments;
// unitchecker reads os.Args, prints the results for go vet and exits.
func runUnit(root *analysis.Analyzer, args []string, lifted []liftedFlag) {
	args, parts := cutPartsFlag(args, lifted)
	ours, theirs := splitArgs(args, lifted)
	fs := flag.NewFlagSet(progname, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	for _, f := range lifted {
		fs.Var(f.Value, f.Name, f.Usage)
	}
	rec := recordSetErrors(fs)
	if err := fs.Parse(ours); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %s\n", progname, rec.message(err))
		os.Exit(exitError)
	}
	os.Args = append([]string{os.Args[0]}, theirs...)
	tuneGC()
	if pos := positionalArgs(theirs, lifted); len(pos) > 0 {
		root = withUnitMemProfile(root, pos[len(pos)-1])
	}
	if parts {
		// Without -json, unitchecker exits 1 when the analysis fails, so
		// go vet caches no failed result (go vet -json copies the units'
		// stdout either way).
		theirs = slices.DeleteFunc(theirs, func(a string) bool { return a == "-json" || a == "--json" || a == "-json=true" })
		os.Args = append([]string{os.Args[0]}, theirs...)
		pos := positionalArgs(theirs, lifted)
		a, err := partsAnalyzer(root, pos[len(pos)-1])
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", progname, err)
			os.Exit(exitError)
		}
		unitchecker.Main(a, positionsAnalyzer)
	}
	unitchecker.Main(root)
}

// unitGCPercent and unitMemoryLimit are the collector's settings for a
// unit run. Such a process analyses one package and exits, so most
// collections at the default GOGC=100 are wasted work: on go-chi/chi's
// 205 packages, compiles cached, GOGC=400 cut the tool's user CPU by 17%
// and raised the largest process's RSS from 93 to 107 MiB
// (docs/performance.md). The limit keeps a huge package from growing the
// heap fivefold: past 2 GiB the collector runs as often as it must.
const (
	unitGCPercent   = 400
	unitMemoryLimit = 2 << 30 // bytes
)

// tuneGC applies unitGCPercent and unitMemoryLimit, unless the user set
// GOGC or GOMEMLIMIT.
func tuneGC() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(unitGCPercent)
		debug.SetMemoryLimit(unitMemoryLimit)
	}
}

// options are the driver's own flags in standalone mode.
type options struct {
	json       bool
	test       bool
	tags       string
	version    versionFlag
	printFlags bool
	fix        bool
	diff       bool

	format        choiceFlag
	engine        choiceFlag // engineAuto, engineVet or engineProcess
	exitZero      bool
	baseline      string
	writeBaseline string
	changedFrom   string
	srcRoot       string

	cpuProfile, memProfile string // pprof files (profile.go)

	// set holds the names of the flags given on the command line, for
	// checkOptions.
	set map[string]bool

	// analyzerArgs are the analyzer flags as the user wrote them, for the
	// units that go vet runs (vetengine.go).
	analyzerArgs []string

	// excludes holds -exclude-pkgs when the driver applies it to where
	// each finding is shown (see moveExcludes); nil when the analyzer
	// applies it, per analysed package, as under go vet.
	excludes *config.Config
}

// newFlagSet returns credlint's standalone FlagSet: the driver flags and
// the lifted analyzer flags, unprefixed.
func newFlagSet(lifted []liftedFlag, o *options) *flag.FlagSet {
	fs := flag.NewFlagSet(progname, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors and help are printed by standalone
	fs.BoolVar(&o.json, "json", false, "print findings and errors as the JSON tree of go vet -json")
	fs.BoolVar(&o.test, "test", true, "analyse test files too")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags to consider satisfied, as for go build")
	fs.Var(&o.version, "V", "print version and exit (go vet's protocol: -V=full)")
	fs.BoolVar(&o.printFlags, "flags", false, "print the flags in JSON for go vet and exit")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes (through go vet -fix; test files included)")
	fs.BoolVar(&o.diff, "diff", false, "with or without -fix, print the fixes as a patch instead of applying them")
	o.format = choiceFlag{what: "format", name: formatText, allowed: findingFormats}
	fs.Var(&o.format, "format", "output format: "+strings.Join(findingFormats, ", ")+" (-json is go vet's JSON tree)")
	fs.BoolVar(&o.exitZero, "exit-zero", false, "exit 0 even when there are findings (errors still exit 1)")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings not in this baseline file, and list its entries that no longer match")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "write the current findings to this baseline file and exit")
	fs.StringVar(&o.changedFrom, "changed-from", "", "with -format=github: annotate findings in files changed since this git revision first")
	fs.StringVar(&o.srcRoot, "srcroot", "", "directory that SARIF, GitHub and baseline paths are relative to (default: the repository root)")
	o.engine = choiceFlag{what: "engine", name: engineAuto, allowed: engines}
	fs.Var(&o.engine, "engine", "how to analyse: "+engineAuto+" (through go vet, which caches, unless some package does not load or a flag rules it out), "+engineVet+" or "+engineProcess+" (every package in this process)")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the analysis to this file (go tool pprof)")
	fs.StringVar(&o.memProfile, "memprofile", "", "write an allocation profile of the analysis to this file when it ends")
	for _, f := range lifted {
		fs.Var(f.Value, f.Name, f.Usage)
	}
	return fs
}

// standalone runs credlint on package patterns and returns the exit code.
func standalone(root *analysis.Analyzer, args []string, lifted []liftedFlag, stdout, stderr *os.File) int {
	var o options
	fs := newFlagSet(lifted, &o)
	rec := recordSetErrors(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printHelp(stdout, root, fs, lifted)
			return exitOK
		}
		fmt.Fprintf(stderr, "%s: %s\nRun '%s -h' for usage.\n", progname, rec.message(err), progname)
		return exitError
	}
	switch {
	case o.version.set:
		if err := printVersion(stdout); err != nil {
			fmt.Fprintf(stderr, "%s: -V=full: %v\n", progname, err)
			return exitError
		}
		return exitOK
	case o.printFlags:
		if err := printVetFlags(stdout, lifted); err != nil {
			fmt.Fprintf(stderr, "%s: -flags: %v\n", progname, err)
			return exitError
		}
		return exitOK
	}
	o.analyzerArgs, _ = splitArgs(args, lifted)
	patterns := fs.Args()
	if len(patterns) == 1 && patterns[0] == "help" {
		printHelp(stdout, root, fs, lifted)
		return exitOK
	}
	if len(patterns) == 0 {
		patterns = []string{"."} // as go vet
	}
	o.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	if err := checkOptions(&o); err != nil {
		fmt.Fprintf(stderr, "%s: %v\nRun '%s -h' for usage.\n", progname, err, progname)
		return exitError
	}
	if err := checkTempDir(); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", progname, err)
		return exitError
	}
	if o.fix || o.diff {
		return applyFixes(root, fs, lifted, &o, patterns, stdout, stderr)
	}
	if !o.json {
		moveExcludes(fs, &o)
	}
	stop := startProfiles(&o, stderr)
	defer stop()
	return analyse(root, patterns, &o, stdout, stderr)
}

// checkOptions rejects combinations of driver flags that do not make
// sense together, and a flag that would otherwise be silently ignored.
func checkOptions(o *options) error {
	if err := checkIgnoredFlags(o); err != nil {
		return err
	}
	if err := checkSrcRoot(o.srcRoot); err != nil {
		return err
	}
	switch {
	case o.json && o.format.name != formatText:
		return fmt.Errorf("-json and -format=%s: choose one (-json is go vet's JSON tree)", o.format.name)
	case o.changedFrom != "" && o.format.name != formatGitHub:
		return fmt.Errorf("-changed-from orders GitHub annotations: use it with -format=github")
	case o.writeBaseline != "" && (o.fix || o.diff):
		return fmt.Errorf("-write-baseline and -fix or -diff: choose one")
	}
	return nil
}

// ignoredBy lists, for the flags that replace the report of findings with
// something else, the flags that then have no effect: -fix and -diff hand
// the fixes to go vet, -write-baseline writes a file and exits. Giving one
// of them is a usage error, not a silent no-op (-diff -json printed a
// patch, not JSON, without a word).
var ignoredBy = []struct {
	mode, does string
	on         func(*options) bool
	ignores    []string
}{
	{"-diff", "prints go vet's fixes as a patch", func(o *options) bool { return o.diff },
		[]string{"json", "format", "baseline", "changed-from", "srcroot", "engine", "cpuprofile", "memprofile", "test", "exit-zero"}},
	{"-fix", "applies go vet's fixes", func(o *options) bool { return o.fix },
		[]string{"json", "format", "baseline", "changed-from", "srcroot", "engine", "cpuprofile", "memprofile", "test"}},
	{"-write-baseline", "writes the findings to the baseline file and prints none", func(o *options) bool { return o.writeBaseline != "" },
		[]string{"json", "format", "baseline", "changed-from", "exit-zero"}},
}

// checkIgnoredFlags rejects a flag that the mode o asks for ignores.
func checkIgnoredFlags(o *options) error {
	for _, m := range ignoredBy {
		if !m.on(o) {
			continue
		}
		for _, name := range m.ignores {
			if o.set[name] {
				return fmt.Errorf("%s does not use -%s: it %s", m.mode, name, m.does)
			}
		}
	}
	return nil
}

// checkTempDir fails when no temporary directory can be made there: the
// go command's work directory and the go vet engine's socket live there,
// and go/packages would blame the failure on a package it names
// command-line-arguments (issue 16).
func checkTempDir() error {
	dir, err := os.MkdirTemp("", "credlint-")
	if err != nil {
		return fmt.Errorf("cannot create a temporary directory in %s (TMPDIR): %v\n\tSet TMPDIR to a writable directory, then run credlint again.", quote.Short(os.TempDir()), err)
	}
	return os.Remove(dir)
}

// checkSrcRoot rejects a -srcroot that is not a directory: paths made
// relative to it would be wrong, or absolute, without a word.
func checkSrcRoot(dir string) error {
	if dir == "" {
		return nil
	}
	const want = " (want a directory above the analysed files, such as the repository root)"
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("-srcroot: %s does not exist%s", quote.Short(dir), want)
	case err != nil:
		return fmt.Errorf("-srcroot: %s: %v%s", quote.Short(dir), errors.Unwrap(err), want)
	case !fi.IsDir():
		return fmt.Errorf("-srcroot: %s is not a directory%s", quote.Short(dir), want)
	}
	return nil
}

// versionFlag is -V. go vet runs "-V=full" to key its cache on the tool's
// identity; "-V" alone prints the same line.
type versionFlag struct{ set bool }

func (v *versionFlag) IsBoolFlag() bool { return true }
func (v *versionFlag) String() string   { return "" }
func (v *versionFlag) Set(s string) error {
	if s != "full" && s != "true" {
		return fmt.Errorf("unsupported value %s (use -V=full)", quote.Short(s))
	}
	v.set = true
	return nil
}

// printVersion answers -V=full as go vet expects:
//
//	/path/to/credlint version devel credlint@v1.2.3 buildID=<toolID>
//
// go vet requires "version" as the second field and, since the third is
// "devel", a last field starting with "buildID="; it keys cached results
// on that ID, so a rebuilt binary never reuses stale facts or findings.
// The fourth field carries the module version (moduleVersion; (devel) in
// a checkout build), which go vet ignores.
func printVersion(w io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	id, err := toolID(exe)
	if err != nil {
		return err
	}
	version := strings.ReplaceAll(moduleVersion(), " ", "_")
	_, err = fmt.Fprintf(w, "%s version devel %s@%s buildID=%s\n", exe, progname, version, id)
	return err
}

// toolID returns what go vet keys credlint's results on (the last field of
// -V=full): the Go build ID that the linker wrote into the executable's
// ELF note ".note.go.buildid", which changes with any change to the
// binary's inputs or contents; or, for an executable without one (another
// object format, or linked with -buildid=), the hex SHA-256 of its
// contents. go vet runs -V=full once per invocation: reading the note
// takes well under a millisecond, hashing the 13 MB binary about 15 ms,
// which was most of a no-change rerun's extra cost over the floor.
func toolID(exe string) (string, error) {
	if id := elfBuildID(exe); id != "" {
		return id, nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}

// elfBuildID returns the Go build ID in exe's ELF note, or "". The note
// (see cmd/internal/buildid) has the name "Go\x00\x00", type 4 and the
// build ID as its description.
func elfBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return ""
	}
	data, err := sec.Data()
	if err != nil || len(data) < 16 {
		return ""
	}
	order := f.ByteOrder
	nameSize, descSize, typ := order.Uint32(data), order.Uint32(data[4:]), order.Uint32(data[8:])
	const goNote = 4
	if nameSize != 4 || typ != goNote || string(data[12:16]) != "Go\x00\x00" || uint64(len(data)) < 16+uint64(descSize) {
		return ""
	}
	id := string(data[16 : 16+descSize])
	if id == "" || strings.ContainsAny(id, " \t\n") {
		return ""
	}
	return id
}

// printHelp writes the -h text: usage, the driver flags and the lifted
// analyzer flags, and the exit codes.
func printHelp(w io.Writer, root *analysis.Analyzer, fs *flag.FlagSet, lifted []liftedFlag) {
	title, _, _ := strings.Cut(root.Doc, "\n\n")
	fmt.Fprintf(w, `%s

Usage:
  %[2]s [flags] [packages]
        analyse packages (default: the package in the current directory)
  go vet -vettool=$(command -v %[2]s) [flags] [packages]
        the same analysis run by go vet; the analyzer flags are the same

Flags:
`, title, progname)
	isLifted := map[string]bool{}
	for _, f := range lifted {
		isLifted[f.Name] = true
	}
	printFlags(w, fs, func(f *flag.Flag) bool { return !isLifted[f.Name] })
	fmt.Fprintf(w, "\nAnalyzer flags (the same names work under go vet):\n")
	if len(lifted) == 0 {
		fmt.Fprintf(w, "  (none)\n")
	}
	printFlags(w, fs, func(f *flag.Flag) bool { return isLifted[f.Name] })
	fmt.Fprintf(w, `
Exit status: 0 no findings, 1 usage or load or analysis error, 3 findings.
-exit-zero turns 3 into 0. Findings the -baseline lists do not count.

Subcommands:
  %s audit [flags] [packages]
        inventory of the environment variables the program reads and writes
  %s version
        print the module version (v1.2.3, or (devel) when built in a checkout)
`, progname, progname)
	if root.URL != "" {
		fmt.Fprintf(w, "Rules: %s\n", root.URL)
	}
}

// printFlags prints the flags of fs that keep selects, as PrintDefaults does.
func printFlags(w io.Writer, fs *flag.FlagSet, keep func(*flag.Flag) bool) {
	sub := flag.NewFlagSet("", flag.ContinueOnError)
	fs.VisitAll(func(f *flag.Flag) {
		if keep(f) {
			sub.Var(f.Value, f.Name, f.Usage)
			sub.Lookup(f.Name).DefValue = f.DefValue
		}
	})
	sub.SetOutput(w)
	sub.PrintDefaults()
}

// moveExcludes makes the driver apply -exclude-pkgs to the package where
// each whole-program finding is shown, as docs/flags.md promises: the
// analyzer applies it to the package it analyses, which is where go vet
// shows a finding, but standalone shows an access in a helper package
// where the access is, and a finding whose root is in an excluded package
// may be shown in one that is not. So the analysis runs without the
// patterns (an empty value clears them, in this process and in go vet's
// units) and dropFindingsIn filters the merged findings.
func moveExcludes(fs *flag.FlagSet, o *options) {
	cfg := config.Current()
	if !cfg.HasExcludes() {
		return
	}
	o.excludes = cfg
	fs.Set(config.FlagExcludePkgs, "")
	o.analyzerArgs = append(o.analyzerArgs, "-"+config.FlagExcludePkgs+"=")
}
