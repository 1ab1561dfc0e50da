// Package nogocfg applies the analyzer_flags of a Bazel nogo JSON config
// to an analyzer the way rules_go's nogo does, so that tests can run
// credlint's analyzer under other drivers with the settings nogo would
// give it (docs/bazel.md).
//
// nogo's config is keyed by Analyzer.Name. For each analyzer it runs and
// for each of that analyzer's direct Requires, it looks the entry up by
// name and sets every flag of its analyzer_flags with Flags.Set; a flag
// the analyzer does not define, or a name that starts with "-", is an
// error. credlint's flags live on its config pass (credlint_config), a
// direct Require of the credlint analyzer.
package nogocfg

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// entry is the part of a nogo config entry that reaches the analyzer.
// only_files and exclude_files filter diagnostics after the run.
type entry struct {
	AnalyzerFlags map[string]string `json:"analyzer_flags"`
}

// Apply sets the analyzer_flags of the nogo config at path on root and on
// its direct Requires.
func Apply(root *analysis.Analyzer, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var cfg map[string]entry
	if err := json.Unmarshal(data, &cfg); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	for _, a := range append([]*analysis.Analyzer{root}, root.Requires...) {
		if e, ok := cfg[a.Name]; ok {
			if err := setFlags(a, e.AnalyzerFlags); err != nil {
				return err
			}
		}
	}
	return nil
}

// setFlags sets flags on a in a fixed order, as nogo does (in map order).
func setFlags(a *analysis.Analyzer, flags map[string]string) error {
	names := make([]string, 0, len(flags))
	for name := range flags {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if strings.HasPrefix(name, "-") {
			return fmt.Errorf("%s: flag should not begin with '-': %s", a.Name, name)
		}
		if a.Flags.Lookup(name) == nil {
			return fmt.Errorf("%s: unrecognized flag: %s", a.Name, name)
		}
		if err := a.Flags.Set(name, flags[name]); err != nil {
			return fmt.Errorf("%s: invalid value for flag: %s=%s: %w", a.Name, name, flags[name], err)
		}
	}
	return nil
}
