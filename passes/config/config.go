package config

import (
	_ "embed"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/profileenv/credkeys"
)

//go:embed doc.go
var docSource string

const docsBase = "https://github.com/credlint/credlint/blob/main/docs"

// Analyzer exposes the configuration to the other passes. It reports
// nothing; its result is a *Config.
var Analyzer = &analysis.Analyzer{
	Name:       "credlint_config",
	Doc:        mustExtractDoc(docSource, "credlint_config"),
	URL:        docsBase + "/flags.md",
	Run:        run,
	ResultType: reflect.TypeFor[*Config](),
}

func init() {
	Analyzer.Flags.Init(Analyzer.Name, flag.ContinueOnError)
	defineFlags(&Analyzer.Flags)
}

func run(*analysis.Pass) (any, error) { return Current(), nil }

// Config is the typed configuration every credlint pass reads. It is
// immutable: flag parsing replaces the whole value, so one *Config may be
// shared by concurrent passes. A nil *Config means the defaults.
type Config struct {
	rules        *credkeys.Rules
	excludePkgs  []pkgPattern
	contextReads bool
	enabled      map[string]bool // by rule ID, from -rules; nil means the defaults
}

var defaultConfig = &Config{rules: credkeys.Default()}

// Current returns the configuration built from the flags set so far. Passes
// use the Analyzer's result instead; Current is for drivers, which filter
// diagnostics outside any pass.
func Current() *Config {
	if c := current.Load(); c != nil {
		return c
	}
	return defaultConfig
}

// build makes a Config from raw flag input.
func build(s settings) (*Config, error) {
	rules, err := credkeys.Default().With(s.credKeys, s.notCredKeys)
	if err != nil {
		return nil, err
	}
	c := &Config{rules: rules, contextReads: s.contextReads}
	if len(s.rules) > 0 {
		c.enabled = enabledRules(s.rules)
	}
	for _, p := range s.excludePkgs {
		pp, err := compilePkgPattern(p)
		if err != nil {
			return nil, err
		}
		c.excludePkgs = append(c.excludePkgs, pp)
	}
	return c, nil
}

// Rules returns the credential-key rules: the defaults with -cred-keys and
// -not-cred-keys applied.
func (c *Config) Rules() *credkeys.Rules {
	if c == nil || c.rules == nil {
		return credkeys.Default()
	}
	return c.rules
}

// IsCredential reports whether the environment variable key holds or
// selects a credential under Rules.
func (c *Config) IsCredential(key string) bool {
	return c.Rules().Classify(key) == credkeys.Credential
}

// IsLocator reports whether a credential key only selects or locates a
// credential store (credkeys.Rules.Locates).
func (c *Config) IsLocator(key string) bool {
	return c.Rules().Locates(key)
}

// NamesPath reports whether a credential key's value is a path to the
// credential, by its last word (credkeys.Rules.NamesPath).
func (c *Config) NamesPath(key string) bool {
	return c.Rules().NamesPath(key)
}

// ExcludesPackage reports whether diagnostics in the package with this
// import path are dropped (-exclude-pkgs). Test variants follow their
// package: "p [p.test]" and the external test package "p_test" match the
// patterns that match "p".
func (c *Config) ExcludesPackage(path string) bool {
	if c == nil || len(c.excludePkgs) == 0 {
		return false
	}
	for _, v := range pkgPathVariants(path) {
		for _, p := range c.excludePkgs {
			if p.match(v) {
				return true
			}
		}
	}
	return false
}

// HasExcludes reports whether -exclude-pkgs names any package.
func (c *Config) HasExcludes() bool { return c != nil && len(c.excludePkgs) > 0 }

// ContextReads reports whether credential reads that ignore a context at
// hand are reported on any path (-context-reads, or -rules turning on
// cred-read-ignores-context).
func (c *Config) ContextReads() bool {
	return c != nil && (c.contextReads || c.enabled[ruleContextReads])
}

// ruleContextReads is the rule -context-reads turns on.
const ruleContextReads = "cred-read-ignores-context"

// Enabled reports whether findings of the rule with this ID are reported
// (-rules applied to each rule's default). Unknown IDs are off.
func (c *Config) Enabled(id string) bool {
	if id == ruleContextReads {
		return c.ContextReads()
	}
	if c == nil || c.enabled == nil {
		return DefaultOn(id)
	}
	return c.enabled[id]
}

// mustExtractDoc returns the "# Analyzer name" section of a doc.go package
// comment, from the "name: title" line to the next heading, so that the help
// text lives only in doc.go. Unlike x/tools' internal helper it keeps the
// "name:" prefix, which our Doc titles carry.
func mustExtractDoc(src, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic(fmt.Sprintf("config: doc.go has no package comment: %v", err))
	}
	for section := range strings.SplitSeq(f.Doc.Text(), "\n# ") {
		body, ok := strings.CutPrefix(section, "Analyzer "+name+"\n")
		if !ok {
			continue
		}
		body = strings.TrimSpace(body)
		if !strings.HasPrefix(body, name+": ") {
			panic(fmt.Sprintf("config: '# Analyzer %s' is not followed by '%s: title'", name, name))
		}
		return body
	}
	panic(fmt.Sprintf("config: doc.go has no '# Analyzer %s' section", name))
}
