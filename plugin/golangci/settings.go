package golangci

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"

	"github.com/credlint/credlint/passes/config"
)

// Settings is what linters.settings.custom.credlint.settings decodes into:
// one field per flag of config.Analyzer.Flags, whose JSON name is the flag
// name, a *List for a list flag and a *Bool for a boolean one. A nil field
// is a key the configuration does not give (or gives with no value), and
// leaves its flag alone. A test keeps the fields, their names and the
// FlagSet in sync.
type Settings struct {
	CredKeys     *List `json:"cred-keys"`
	NotCredKeys  *List `json:"not-cred-keys"`
	ExcludePkgs  *List `json:"exclude-pkgs"`
	ContextReads *Bool `json:"context-reads"`
	Rules        *List `json:"rules"`
}

// byFlag returns the settings keyed by flag name.
func (s Settings) byFlag() map[string]setting {
	return map[string]setting{
		config.FlagCredKeys:     s.CredKeys,
		config.FlagNotCredKeys:  s.NotCredKeys,
		config.FlagExcludePkgs:  s.ExcludePkgs,
		config.FlagContextReads: s.ContextReads,
		config.FlagRules:        s.Rules,
	}
}

// A setting is the value of one key, as the text its flag's Set takes.
type setting interface {
	// value returns the flag value, and false for a key not given (a nil
	// pointer).
	value() (string, bool)
	// want says what the key takes, for messages.
	want() string
}

// List is the value of a list setting, given either as a YAML list of
// strings or as one comma-separated string, as on the command line.
type List []string

// UnmarshalJSON accepts a string or a list of strings, and nothing else.
// The register package's decoder round-trips golangci-lint's YAML through
// JSON, so YAML numbers, booleans and mappings arrive here as JSON ones.
func (l *List) UnmarshalJSON(b []byte) error {
	var one string
	if json.Unmarshal(b, &one) == nil {
		*l = List{one}
		return nil
	}
	var many []any
	if err := json.Unmarshal(b, &many); err != nil {
		return &json.UnmarshalTypeError{Value: kind(b), Type: reflect.TypeFor[List]()}
	}
	entries := make(List, 0, len(many))
	for _, v := range many {
		s, ok := v.(string)
		if !ok {
			e, _ := json.Marshal(v)
			return &json.UnmarshalTypeError{Value: "a list holding " + kind(e), Type: reflect.TypeFor[List]()}
		}
		entries = append(entries, s)
	}
	*l = entries
	return nil
}

// value joins the entries with commas; the flag splits them again.
func (l *List) value() (string, bool) {
	if l == nil {
		return "", false
	}
	return strings.Join(*l, ","), true
}

func (*List) want() string { return "a list of strings or a comma-separated string" }

// Bool is the value of a boolean setting: a YAML boolean, or a string in
// the flag's own syntax ("true", "false"), which the flag checks.
type Bool string

// UnmarshalJSON accepts a boolean or a string, and nothing else.
func (v *Bool) UnmarshalJSON(b []byte) error {
	var on bool
	if json.Unmarshal(b, &on) == nil {
		*v = Bool(strconv.FormatBool(on))
		return nil
	}
	var s string
	if json.Unmarshal(b, &s) == nil {
		*v = Bool(s)
		return nil
	}
	return &json.UnmarshalTypeError{Value: kind(b), Type: reflect.TypeFor[Bool]()}
}

func (v *Bool) value() (string, bool) {
	if v == nil {
		return "", false
	}
	return string(*v), true
}

func (*Bool) want() string { return "true or false" }

// kind names the YAML kind of a JSON value, for messages.
func kind(b []byte) string {
	switch b = []byte(strings.TrimSpace(string(b))); {
	case len(b) == 0:
		return "nothing"
	case b[0] == '"':
		return "a string"
	case b[0] == '[':
		return "a list"
	case b[0] == '{':
		return "a mapping"
	case b[0] == 't' || b[0] == 'f':
		return "a boolean"
	case b[0] == 'n':
		return "null"
	default:
		return "a number"
	}
}

// decode decodes golangci-lint's raw settings with the register package's
// strict decoder, which rejects unknown keys and values of the wrong type.
func decode(raw any) (Settings, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return Settings{}, explain(raw, err)
	}
	return s, nil
}

// explain turns a decoding error into a message that names the key. The
// decoder's own wording depends on the encoding/json version, so explain
// finds the culprit again in the raw settings, which golangci-lint gives as
// a map[string]any (YAML keys, lowercased by viper).
func explain(raw any, err error) error {
	m, ok := raw.(map[string]any)
	if !ok {
		b, _ := json.Marshal(raw)
		return fmt.Errorf("credlint settings: want a mapping of setting names to values, got %s (%v)", kind(b), err)
	}
	known := slices.Sorted(maps.Keys(Settings{}.byFlag()))
	keys := slices.Sorted(maps.Keys(m))
	var unknown []string
	for _, k := range keys {
		if !slices.Contains(known, k) {
			unknown = append(unknown, fmt.Sprintf("%q", k))
		}
	}
	if len(unknown) > 0 {
		return fmt.Errorf("unknown credlint setting %s (known: %s)",
			strings.Join(unknown, ", "), strings.Join(known, ", "))
	}
	// Decode the keys one at a time, to find the one with the wrong type.
	for _, k := range keys {
		_, kerr := register.DecodeSettings[Settings](map[string]any{k: m[k]})
		if te, ok := errors.AsType[*json.UnmarshalTypeError](kerr); ok {
			return fmt.Errorf("credlint setting %q: want %s, got %s", k, Settings{}.byFlag()[k].want(), te.Value)
		}
	}
	return fmt.Errorf("credlint settings: %w", err)
}

// apply sets each given setting on fs with FlagSet.Set, in name order. A
// setting replaces the flag's value (list flags append), so the flag is
// reset first. If a flag rejects a value, apply puts back the values it
// changed, so a failed New leaves the flags as they were.
func (s Settings) apply(fs *flag.FlagSet) error {
	given := map[string]string{}
	old := map[string]string{}
	for name, set := range s.byFlag() {
		v, ok := set.value()
		if !ok {
			continue
		}
		f := fs.Lookup(name)
		if f == nil { // the Settings test keeps this from happening
			return fmt.Errorf("credlint setting %q: credlint has no flag -%s", name, name)
		}
		given[name], old[name] = v, f.Value.String()
	}
	for _, name := range slices.Sorted(maps.Keys(given)) {
		if err := replace(fs, name, given[name]); err != nil {
			for n, v := range old {
				_ = replace(fs, n, v) // v was accepted before
			}
			// The flag's error starts with "-name: "; the key replaces it.
			msg := strings.TrimPrefix(err.Error(), "-"+name+": ")
			return fmt.Errorf("credlint setting %q: %s", name, msg)
		}
	}
	return nil
}

// replace sets flag name to value: reset with an empty value (which clears
// a list and turns a boolean off), then set.
func replace(fs *flag.FlagSet, name, value string) error {
	if err := fs.Set(name, ""); err != nil {
		return err
	}
	if strings.TrimSpace(value) == "" {
		return nil
	}
	return fs.Set(name, value)
}
