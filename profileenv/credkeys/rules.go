package credkeys

import (
	"errors"
	"fmt"
	"path"
	"strconv"
	"strings"
	"unicode"
)

// Class is the verdict on one environment variable name.
type Class int

const (
	// NotCredential: the name neither holds nor selects a secret.
	NotCredential Class = iota
	// Credential: the name holds a secret or selects one (a profile, a
	// credential file, a home directory holding credential stores).
	Credential
)

// String returns "credential" or "not-credential".
func (c Class) String() string {
	switch c {
	case NotCredential:
		return "not-credential"
	case Credential:
		return "credential"
	}
	return "Class(" + strconv.Itoa(int(c)) + ")"
}

// Rules classifies names. The zero value and nil both apply only the default
// rules. A Rules is immutable once built, so one value may be shared by any
// number of goroutines; With returns a new value and leaves its receiver
// untouched.
type Rules struct {
	layers []layer // oldest first; Explain consults the newest first
}

// layer is the result of one With call.
type layer struct {
	extra, exclude matcher
}

// matcher holds exact names and glob patterns, compared case-sensitively.
type matcher struct {
	names map[string]bool
	globs []string
}

var defaultRules = &Rules{}

// Default returns the built-in rules described in the package documentation.
// The value is shared and immutable.
func Default() *Rules { return defaultRules }

// With returns rules that treat every name matching extra as a credential
// and every name matching exclude as not one, ahead of r's own rules. Entries
// are exact names or path.Match patterns (*_SECRET, DB_*_PASS, TF_TOKEN_*),
// matched case-sensitively. Within one call exclude wins over extra; across
// calls the later call wins. With returns a *PatternError naming the first
// bad entry, and then r is not extended at all.
func (r *Rules) With(extra, exclude []string) (*Rules, error) {
	if r == nil {
		r = defaultRules
	}
	var l layer
	var err error
	if l.extra, err = newMatcher(extra); err != nil {
		return nil, err
	}
	if l.exclude, err = newMatcher(exclude); err != nil {
		return nil, err
	}
	if len(extra) == 0 && len(exclude) == 0 {
		return r, nil
	}
	layers := make([]layer, 0, len(r.layers)+1)
	layers = append(layers, r.layers...)
	return &Rules{layers: append(layers, l)}, nil
}

// Classify reports whether key holds or selects a credential.
func (r *Rules) Classify(key string) Class {
	c, _ := r.Explain(key)
	return c
}

// Explain is Classify with a short reason, for audits, debugging and tests:
// "credential word TOKEN", `excluded by "*_TOKEN_LIMIT"`, "look-alike PWD: ...".
func (r *Rules) Explain(key string) (Class, string) {
	if key == "" {
		return NotCredential, "empty name"
	}
	if r != nil {
		for i := len(r.layers) - 1; i >= 0; i-- {
			l := r.layers[i]
			if p, ok := l.exclude.match(key); ok {
				return NotCredential, "excluded by " + strconv.Quote(p)
			}
			if p, ok := l.extra.match(key); ok {
				return Credential, "added by " + strconv.Quote(p)
			}
		}
	}
	return builtin(key)
}

// Locates reports whether key is a credential only because it selects or
// locates one (HOME, XDG_CONFIG_HOME, KUBECONFIG, GNUPGHOME, *_HOME,
// *_PROFILE) rather than holding the secret itself: an entry of the known
// names whose reason says "locator" or "selector", or a name the token rules
// accept for a locator word. Names added with With are never locators: the
// user said they are credentials.
func (r *Rules) Locates(key string) bool {
	c, why := r.Explain(key)
	if c != Credential {
		return false
	}
	switch {
	case strings.HasPrefix(why, "locator word "), strings.HasPrefix(why, "role selector "):
		return true
	case strings.HasPrefix(why, "known name "):
		return strings.Contains(why, "locator") || strings.Contains(why, "selector")
	}
	return false
}

// NamesPath reports whether key is a credential key whose last word says
// its value is where the credential is, a file, directory or socket path,
// not the credential (locatingSuffixes: AZURE_FEDERATED_TOKEN_FILE,
// SSH_PRIVATE_KEY_PATH, APP_SECRETS_DIR, SSH_AUTH_SOCK). Names added with
// With never are: the user said they are credentials.
func (r *Rules) NamesPath(key string) bool {
	c, why := r.Explain(key)
	if c != Credential || strings.HasPrefix(why, "added by ") {
		return false
	}
	toks := tokenize(key)
	return len(toks) > 0 && locatingSuffixes[trimDigits(toks[len(toks)-1])]
}

// PatternError reports an entry that With or CheckPattern rejects.
type PatternError struct {
	Pattern string // the entry as given
	Err     error  // what is wrong with it
}

func (e *PatternError) Error() string {
	return "credkeys: bad key pattern " + strconv.Quote(e.Pattern) + ": " + e.Err.Error()
}

func (e *PatternError) Unwrap() error { return e.Err }

var errEmpty = errors.New("empty pattern")

// CheckPattern reports whether p is a valid entry for With: a non-empty
// environment variable name or path.Match pattern without '=', '/', ',',
// white space or NUL. Lists are split on commas before they get here, and
// no variable name can contain the others (or, for '/', none worth
// matching: path.Match's * never crosses it).
func CheckPattern(p string) error {
	if p == "" {
		return &PatternError{Pattern: p, Err: errEmpty}
	}
	for _, c := range p {
		if c == '=' || c == '/' || c == ',' || c == 0 || unicode.IsSpace(c) {
			return &PatternError{Pattern: p, Err: fmt.Errorf("invalid character %q", c)}
		}
	}
	if _, err := path.Match(p, ""); err != nil {
		return &PatternError{Pattern: p, Err: err}
	}
	return nil
}

func isGlob(p string) bool { return strings.ContainsAny(p, `*?[\`) }

func newMatcher(entries []string) (matcher, error) {
	var m matcher
	for _, p := range entries {
		if err := CheckPattern(p); err != nil {
			return matcher{}, err
		}
		if isGlob(p) {
			m.globs = append(m.globs, p)
			continue
		}
		if m.names == nil {
			m.names = make(map[string]bool)
		}
		m.names[p] = true
	}
	return m, nil
}

// match returns the entry that matches key.
func (m matcher) match(key string) (string, bool) {
	if m.names[key] {
		return key, true
	}
	for _, g := range m.globs {
		if ok, _ := path.Match(g, key); ok { // validated in newMatcher
			return g, true
		}
	}
	return "", false
}
