package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// This file holds the flag hand-over between the two modes.
//
// Users write every analyzer option without a prefix in both modes
// (-cred-keys=X). The options live on the FlagSets of the analyzers in the
// graph (the config pass owns nearly all of them); liftFlags collects them
// once, so that:
//
//   - standalone, they go on credlint's own FlagSet as they are;
//   - -flags prints them unprefixed, so that go vet accepts and forwards
//     them (go vet passes through exactly the names -flags lists);
//   - under go vet, unitchecker.Main would register only the flags of the
//     analyzers it is given (not of the passes they require), and with the
//     analyzer's name as a prefix (-credlint.NAME). So credlint parses the
//     lifted flags itself, unprefixed, and hands unitchecker only the
//     rest: its protocol flags (-json, -fix, -diff, -c, ...) and the *.cfg
//     file (see splitArgs and runUnit). A bad value is then reported under
//     the name the user wrote.
//
// All of them share the flag.Value of the pass that owns the flag, so a
// value set in either mode reaches that pass, and it is set exactly once.

// A liftedFlag is an analyzer flag offered to users without a prefix.
type liftedFlag struct {
	*flag.Flag
	owner *analysis.Analyzer
}

func (f liftedFlag) isBool() bool { return isBoolValue(f.Value) }

// vetProtocolFlags are the flags that unitchecker.Main defines itself
// (x/tools go/analysis/internal/analysisflags.Parse, v0.52.0), other than
// the per-analyzer ones. -flags lists them as unitchecker does, -fix
// excepted; go vet handles -fix itself and passes it on.
var vetProtocolFlags = []struct {
	name   string
	isBool bool
	usage  string
}{
	{"V", true, "print version and exit"},
	{"all", true, "no effect (deprecated)"},
	{"c", false, "display offending line with this many lines of context"},
	{"diff", true, "with -fix, don't update the files, but print a unified diff"},
	{"fix", true, "apply all suggested fixes"},
	{"flags", true, "print analyzer flags in JSON"},
	{"json", true, "emit JSON output"},
	{"source", true, "no effect (deprecated)"},
	{"tags", false, "no effect (deprecated)"},
	{"v", true, "no effect (deprecated)"},
}

// standaloneOnlyFlags are defined by newFlagSet in addition to the vet
// protocol flags it shares (json, tags, V, flags). A lifted flag may not
// take any of these names either.
var standaloneOnlyFlags = []string{"test", "h", "help",
	"format", "exit-zero", "baseline", "write-baseline", "changed-from", "srcroot",
	"engine", "cpuprofile", "memprofile"}

// reservedFlag reports whether name belongs to the driver in either mode.
func reservedFlag(name string) bool {
	if name == partsFlag || slices.Contains(standaloneOnlyFlags, name) {
		return true
	}
	for _, f := range vetProtocolFlags {
		if f.name == name {
			return true
		}
	}
	return false
}

// liftFlags returns the flags of root and of every analyzer it requires,
// transitively: root's first, then depth-first in Requires order, each
// analyzer's in lexical order. A flag that two analyzers share (the same
// name and the same flag.Value, as when one pass re-exports another's) is
// listed once. Two different flags with one name, or a flag that takes a
// driver flag's name, is an error: one of them would silently not work.
func liftFlags(root *analysis.Analyzer) ([]liftedFlag, error) {
	var (
		out    []liftedFlag
		byName = map[string]liftedFlag{}
		seen   = map[*analysis.Analyzer]bool{}
		err    error
		visit  func(a *analysis.Analyzer)
	)
	visit = func(a *analysis.Analyzer) {
		if seen[a] || err != nil {
			return
		}
		seen[a] = true
		a.Flags.VisitAll(func(f *flag.Flag) {
			if err != nil {
				return
			}
			if reservedFlag(f.Name) {
				err = fmt.Errorf("flag -%s of analyzer %s has the name of a credlint driver flag", f.Name, a.Name)
				return
			}
			if prev, ok := byName[f.Name]; ok {
				if !sameValue(prev.Value, f.Value) {
					err = fmt.Errorf("flag -%s is defined by both %s and %s", f.Name, prev.owner.Name, a.Name)
				}
				return
			}
			lf := liftedFlag{Flag: f, owner: a}
			byName[f.Name] = lf
			out = append(out, lf)
		})
		for _, req := range a.Requires {
			visit(req)
		}
	}
	visit(root)
	if err != nil {
		return nil, fmt.Errorf("internal error: %w", err)
	}
	return out, nil
}

// sameValue reports whether a and b are the same flag.Value. Values of
// incomparable types (flag.Func's, for one) are never the same.
func sameValue(a, b flag.Value) bool {
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	return ta == tb && ta != nil && ta.Comparable() && a == b
}

func isBoolValue(v flag.Value) bool {
	b, ok := v.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// splitArgs separates, for go vet mode, the lifted analyzer flags in args
// (with their value arguments) from the rest, which is for unitchecker.
// It follows package flag's syntax: one or two dashes; "--" or the first
// non-flag argument ends the flags (and goes, with all that follows, to
// unitchecker); a non-boolean flag written without "=" takes the next
// argument as its value. Unknown flags go to unitchecker, which rejects them.
func splitArgs(args []string, lifted []liftedFlag) (ours, theirs []string) {
	isLifted := map[string]bool{}
	for _, f := range lifted {
		isLifted[f.Name] = true
	}
	for i := 0; i < len(args); i++ {
		name, hasValue, ok := flagName(args[i])
		if !ok {
			return ours, append(theirs, args[i:]...)
		}
		n := 1
		if !hasValue && !knownBool(name, lifted) && i+1 < len(args) {
			n = 2
		}
		if isLifted[name] {
			ours = append(ours, args[i:i+n]...)
		} else {
			theirs = append(theirs, args[i:i+n]...)
		}
		i += n - 1
	}
	return ours, theirs
}

// positionalArgs returns the arguments after the flags in args, scanned
// with the same syntax as splitArgs, without setting any flag.
func positionalArgs(args []string, lifted []liftedFlag) []string {
	for i := 0; i < len(args); i++ {
		name, hasValue, ok := flagName(args[i])
		if !ok {
			if args[i] == "--" {
				return args[i+1:]
			}
			return args[i:]
		}
		if !hasValue && !knownBool(name, lifted) {
			i++
		}
	}
	return nil
}

// flagName parses arg as a flag ("-name", "--name", "-name=value"). It
// reports ok=false for "--", "-" and non-flags, which end the flags.
func flagName(arg string) (name string, hasValue, ok bool) {
	if len(arg) < 2 || arg[0] != '-' || arg == "--" {
		return "", false, false
	}
	s := arg[1:]
	if s[0] == '-' {
		s = s[1:]
	}
	if s == "" || s[0] == '-' || s[0] == '=' {
		return "", false, false
	}
	name, _, hasValue = strings.Cut(s, "=")
	return name, hasValue, true
}

// knownBool reports whether -name takes no separate value argument. A
// flag nobody defines counts as boolean: the real parser rejects it, and
// taking the next argument as its value could hide a package pattern.
func knownBool(name string, lifted []liftedFlag) bool {
	for _, f := range lifted {
		if f.Name == name {
			return f.isBool()
		}
	}
	for _, f := range vetProtocolFlags {
		if f.name == name {
			return f.isBool
		}
	}
	if slices.Contains(standaloneValueFlags, name) {
		return false
	}
	return true // "test", "h", "help", "exit-zero" and unknown flags
}

// standaloneValueFlags are the standalone-only flags that take a value.
var standaloneValueFlags = []string{"format", "baseline", "write-baseline", "changed-from", "srcroot", "engine", "cpuprofile", "memprofile"}

// printVetFlags writes the -flags answer: the JSON list that go vet reads
// to learn which flags to accept and pass through. It lists what
// unitchecker would list, except that the analyzer flags are unprefixed
// and the -credlint on/off switch (meaningless for one analyzer) is left
// out. Like unitchecker, it omits -fix and prints no trailing newline.
func printVetFlags(w io.Writer, lifted []liftedFlag) error {
	type jsonFlag struct {
		Name  string
		Bool  bool
		Usage string
	}
	var flags []jsonFlag
	for _, f := range vetProtocolFlags {
		if f.name != "fix" {
			flags = append(flags, jsonFlag{f.name, f.isBool, f.usage})
		}
	}
	for _, f := range lifted {
		flags = append(flags, jsonFlag{f.Name, f.isBool(), f.Usage})
	}
	flags = append(flags, jsonFlag{partsFlag, true, "print the unit's part of standalone credlint's findings as JSON (standalone credlint sets it)"})
	slices.SortFunc(flags, func(a, b jsonFlag) int { return strings.Compare(a.Name, b.Name) })
	data, err := json.MarshalIndent(flags, "", "\t")
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// cutPartsFlag removes -parts (unitparts.go), which standalone credlint
// passes to its units through go vet, from the flags in args, scanned as
// splitArgs scans them, and reports whether it was set.
func cutPartsFlag(args []string, lifted []liftedFlag) (rest []string, on bool) {
	for i := 0; i < len(args); i++ {
		name, hasValue, ok := flagName(args[i])
		if !ok {
			return append(rest, args[i:]...), on
		}
		if name == partsFlag {
			_, v, _ := strings.Cut(args[i], "=")
			on = v == "" || v == "true"
			continue
		}
		n := 1
		if !hasValue && !knownBool(name, lifted) && i+1 < len(args) {
			n = 2
		}
		rest = append(rest, args[i:i+n]...)
		i += n - 1
	}
	return rest, on
}
