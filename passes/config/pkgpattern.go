package config

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// pkgPattern is one -exclude-pkgs entry: an import path pattern in which
// "..." matches any string, slashes included, as in go list.
//
//	example.com/app/gen/...   example.com/app/gen and everything below it
//	example.com/.../mocks     every mocks package under example.com
//	...                       every package
type pkgPattern struct {
	text string
	re   *regexp.Regexp
}

func compilePkgPattern(p string) (pkgPattern, error) {
	if err := checkPkgPattern(p); err != nil {
		return pkgPattern{}, err
	}
	// The same translation as cmd/go's pattern matcher, including its
	// special case: a trailing "/..." also matches the path before it.
	re := strings.ReplaceAll(regexp.QuoteMeta(p), `\.\.\.`, `.*`)
	if base, ok := strings.CutSuffix(re, `/.*`); ok {
		re = base + `(/.*)?`
	}
	// checkPkgPattern admits only what compiles, but a flag value is user
	// input: an error here, never a panic (issue 16).
	compiled, err := regexp.Compile(`^` + re + `$`)
	if err != nil {
		return pkgPattern{}, err
	}
	return pkgPattern{text: p, re: compiled}, nil
}

func (p pkgPattern) match(path string) bool { return p.re.MatchString(path) }

// checkPkgPattern rejects what cannot be an import path pattern. Relative
// patterns (./...) are common in go commands but name directories, which the
// passes never see: they know only import paths.
func checkPkgPattern(p string) error {
	switch {
	case p == "":
		return errors.New("empty package pattern")
	case p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../"):
		return errors.New("relative patterns are not supported: use an import path pattern (example.com/mod/gen/... and the like)")
	case strings.HasPrefix(p, "/"):
		return errors.New("a file system path is not a package pattern; use an import path pattern")
	case strings.HasSuffix(p, "/") || strings.Contains(p, "//"):
		return errors.New("empty path element")
	case !utf8.ValidString(p):
		// Import paths are UTF-8 (go/build rejects others), and package
		// regexp cannot compile a pattern that is not.
		return errors.New("invalid UTF-8")
	}
	for _, c := range p {
		if c == ',' || c == '\\' || c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			return fmt.Errorf("invalid character %q", c)
		}
	}
	return nil
}

// pkgPathVariants returns path and the path of the package it is a variant
// of: go/packages IDs such as "p [p.test]", external test packages "p_test"
// and generated test mains "p.test" all follow "p".
func pkgPathVariants(path string) []string {
	if i := strings.Index(path, " ["); i >= 0 {
		path = path[:i]
	}
	v := []string{path}
	for _, suffix := range []string{"_test", ".test"} {
		if base, ok := strings.CutSuffix(path, suffix); ok && base != "" {
			v = append(v, base)
		}
	}
	return v
}
