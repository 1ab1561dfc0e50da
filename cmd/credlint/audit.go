package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/cmd/credlint/internal/audit"
	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// auditCommand is the first argument that runs credlint audit.
const auditCommand = "audit"

// runAudit implements "credlint audit [flags] [packages]": the inventory
// of the environment variables the program reads and writes. It exits 0
// when every package was analysed (the inventory is not a gate: use
// credlint itself for that), 1 on usage and tool errors; the inventory of
// the packages that could be analysed is printed either way.
func runAudit(root *analysis.Analyzer, args []string, lifted []liftedFlag, stdout, stderr *os.File) int {
	var o options
	fs := newAuditFlagSet(lifted, &o)
	rec := recordSetErrors(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printAuditHelp(stdout, fs)
			return exitOK
		}
		fmt.Fprintf(stderr, "%s %s: %s\nRun '%s %s -h' for usage.\n", progname, auditCommand, rec.message(err), progname, auditCommand)
		return exitError
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	if err := checkTempDir(); err != nil {
		fmt.Fprintf(stderr, "%s %s: %v\n", progname, auditCommand, err)
		return exitError
	}
	cwd, _ := os.Getwd()
	res, code := analyseProgram(root, patterns, &o, stderr)
	if res == nil {
		return code
	}
	inv := res.program.Inventory()
	inv.Errors = res.report.Errors
	if err := (output.Text{Dir: cwd}).WriteErrors(stderr, res.report); err != nil {
		return exitError
	}
	var err error
	switch o.format.name {
	case formatMarkdown:
		err = audit.Markdown{SrcRoot: res.srcRoot}.Write(stdout, inv)
	case formatJSON:
		err = audit.JSON{SrcRoot: res.srcRoot}.Write(stdout, inv)
	default:
		err = audit.Text{Color: output.ShouldColor(stdout), Dir: cwd}.Write(stdout, inv)
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s %s: writing output: %v\n", progname, auditCommand, err)
		return exitError
	}
	if len(inv.Errors) > 0 {
		return exitError
	}
	return exitOK
}

// newAuditFlagSet returns the FlagSet of credlint audit: its format, the
// loading flags of credlint, and the analyzer flags (which classify keys).
func newAuditFlagSet(lifted []liftedFlag, o *options) *flag.FlagSet {
	fs := flag.NewFlagSet(progname+" "+auditCommand, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	o.format = choiceFlag{what: "format", name: formatText, allowed: auditFormats}
	fs.Var(&o.format, "format", "output format: "+strings.Join(auditFormats, ", "))
	fs.BoolVar(&o.test, "test", true, "analyse test files too")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags to consider satisfied, as for go build")
	fs.StringVar(&o.srcRoot, "srcroot", "", "directory that Markdown and JSON paths are relative to (default: the repository root)")
	for _, f := range lifted {
		fs.Var(f.Value, f.Name, f.Usage)
	}
	return fs
}

func printAuditHelp(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, `credlint audit: inventory of the environment variables a program reads and writes

Usage:
  %s %s [flags] [packages]

For every variable: its class (credential or not), how its name is known
(a constant, a parameter resolved at a call site, or computed at run time),
the functions that access it (the program's own, third-party, standard
library), and the concurrent roots that reach it, with one witness each.

Flags:
`, progname, auditCommand)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprintf(w, "\nExit status: 0 inventory printed, 1 usage, load or analysis error.\n")
}
