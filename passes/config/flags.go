package config

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/credlint/credlint/profileenv/credkeys"

	"github.com/credlint/credlint/internal/quote"
)

// Flag names, without the leading dash. cmd/credlint lifts them to the top
// level, and the golangci-lint plugin sets them by these names.
const (
	FlagCredKeys     = "cred-keys"
	FlagNotCredKeys  = "not-cred-keys"
	FlagExcludePkgs  = "exclude-pkgs"
	FlagContextReads = "context-reads"
	FlagRules        = "rules"
)

// Usage strings, one line each; docs/flags.md repeats them verbatim.
const (
	usageCredKeys = "comma-separated environment variable names or path.Match patterns " +
		"to treat as credential keys, in addition to the defaults; " +
		"repeatable; an empty value clears the list"
	usageNotCredKeys = "comma-separated environment variable names or path.Match patterns " +
		"never to treat as credential keys; wins over -cred-keys and the defaults; " +
		"repeatable; an empty value clears the list"
	usageExcludePkgs = "comma-separated package path patterns (... matches any string, as in go list) " +
		"whose diagnostics are dropped; repeatable; an empty value clears the list"
	usageContextReads = "also report credential reads that ignore a context.Context at hand, " +
		"on any path, with a fix to profileenv (for programs that attach per-request profiles)"
	usageRules = "comma-separated rules to turn on (ID) or off (-ID), applied left to right to the defaults; " +
		"all, default and none stand for every rule, the defaults and no rule; " +
		"repeatable; an empty value restores the defaults"
)

// defineFlags registers every option on fs. All of them share the package
// state below, so the same option defined on two FlagSets (the pass's and a
// driver's lifted copy) is one option.
func defineFlags(fs *flag.FlagSet) {
	fs.Var(&listFlag{name: FlagCredKeys, field: credKeysField, check: credkeys.CheckPattern, want: wantKeyPatterns},
		FlagCredKeys, usageCredKeys)
	fs.Var(&listFlag{name: FlagNotCredKeys, field: notCredKeysField, check: credkeys.CheckPattern, want: wantKeyPatterns},
		FlagNotCredKeys, usageNotCredKeys)
	fs.Var(&listFlag{name: FlagExcludePkgs, field: excludePkgsField, check: checkPkgPattern, want: wantPkgPatterns},
		FlagExcludePkgs, usageExcludePkgs)
	fs.Var(&boolFlag{name: FlagContextReads, field: contextReadsField}, FlagContextReads, usageContextReads)
	fs.Var(&listFlag{name: FlagRules, field: rulesField, check: checkRuleEntry, ordered: true},
		FlagRules, usageRules)
}

// settings is the raw flag input, from which build makes a Config.
type settings struct {
	credKeys, notCredKeys, excludePkgs []string
	rules                              []string // -rules entries, in order
	contextReads                       bool
}

func credKeysField(s *settings) *[]string    { return &s.credKeys }
func notCredKeysField(s *settings) *[]string { return &s.notCredKeys }
func excludePkgsField(s *settings) *[]string { return &s.excludePkgs }
func rulesField(s *settings) *[]string       { return &s.rules }
func contextReadsField(s *settings) *bool    { return &s.contextReads }

var (
	setMu   sync.Mutex // serialises Set; readers only load current
	raw     settings   // guarded by setMu
	current atomic.Pointer[Config]
)

// listFlag is a repeatable, comma-separated list option. Set validates every
// entry before it changes anything, then publishes a freshly built Config.
type listFlag struct {
	name  string
	field func(*settings) *[]string
	check func(entry string) error
	// ordered keeps repeated entries, for a list whose entries apply in
	// order (-rules=x,-x,x ends with x on).
	ordered bool
	// want says what an entry should look like, for a bad entry whose
	// error does not (a syntax error in a pattern).
	want string
}

// What the pattern lists want, added to the errors that do not say.
const (
	wantKeyPatterns = "want variable names or path.Match patterns, such as MYCO_*_TOKEN"
	wantPkgPatterns = "want import path patterns, such as example.com/app/gen/..."
)

// Set appends the entries of a comma-separated list, or clears the list when
// value is empty or blank.
func (f *listFlag) Set(value string) error {
	var add []string
	for e := range strings.SplitSeq(value, ",") {
		e = strings.TrimSpace(e)
		if e == "" {
			continue
		}
		if err := f.check(e); err != nil {
			why := cause(err).Error()
			if f.want != "" && !strings.Contains(why, "want ") && !strings.Contains(why, "use ") {
				why += " (" + f.want + ")"
			}
			return fmt.Errorf("-%s: bad entry %s: %s", f.name, quote.Short(e), why)
		}
		add = append(add, e)
	}

	setMu.Lock()
	defer setMu.Unlock()
	next := raw.clone()
	list := f.field(&next)
	if strings.TrimSpace(value) == "" {
		*list = nil
	}
	for _, e := range add {
		if f.ordered || !slices.Contains(*list, e) {
			*list = append(*list, e)
		}
	}
	cfg, err := build(next)
	if err != nil { // every entry passed check, so this is a bug
		return fmt.Errorf("config: -%s: %w", f.name, err)
	}
	raw = next
	current.Store(cfg)
	return nil
}

// String returns the current list, comma-separated. The flag package calls
// it on a zero listFlag to find the default, which is empty.
func (f *listFlag) String() string {
	if f == nil || f.field == nil {
		return ""
	}
	setMu.Lock()
	defer setMu.Unlock()
	return strings.Join(*f.field(&raw), ",")
}

// Get returns a copy of the current list, for flag.Getter.
func (f *listFlag) Get() any {
	if f == nil || f.field == nil {
		return []string(nil)
	}
	setMu.Lock()
	defer setMu.Unlock()
	return append([]string(nil), *f.field(&raw)...)
}

func (s settings) clone() settings {
	return settings{
		credKeys:     append([]string(nil), s.credKeys...),
		notCredKeys:  append([]string(nil), s.notCredKeys...),
		excludePkgs:  append([]string(nil), s.excludePkgs...),
		rules:        append([]string(nil), s.rules...),
		contextReads: s.contextReads,
	}
}

// boolFlag is an on/off option; like listFlag, Set publishes a freshly
// built Config.
type boolFlag struct {
	name  string
	field func(*settings) *bool
}

// IsBoolFlag lets -context-reads stand alone on the command line.
func (f *boolFlag) IsBoolFlag() bool { return true }

// Set parses value with strconv.ParseBool; an empty value means false, as
// an empty value clears a list flag.
func (f *boolFlag) Set(value string) error {
	v := false
	if strings.TrimSpace(value) != "" {
		var err error
		if v, err = strconv.ParseBool(value); err != nil {
			return fmt.Errorf("-%s: bad value %s: want true or false", f.name, quote.Short(value))
		}
	}
	setMu.Lock()
	defer setMu.Unlock()
	next := raw.clone()
	*f.field(&next) = v
	cfg, err := build(next)
	if err != nil {
		return fmt.Errorf("config: -%s: %w", f.name, err)
	}
	raw = next
	current.Store(cfg)
	return nil
}

// String returns "true" or "false".
func (f *boolFlag) String() string {
	if f == nil || f.field == nil {
		return "false"
	}
	setMu.Lock()
	defer setMu.Unlock()
	return strconv.FormatBool(*f.field(&raw))
}

// Get returns the current value, for flag.Getter.
func (f *boolFlag) Get() any {
	if f == nil || f.field == nil {
		return false
	}
	setMu.Lock()
	defer setMu.Unlock()
	return *f.field(&raw)
}

// cause drops the credkeys prefix from a pattern error, because the flag
// error already names the flag and the entry.
func cause(err error) error {
	if pe, ok := errors.AsType[*credkeys.PatternError](err); ok {
		return pe.Err
	}
	return err
}
