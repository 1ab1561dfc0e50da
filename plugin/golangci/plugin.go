package golangci

import (
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/passes/config"
)

// Name is the linter name under which the plugin registers: the key of
// linters.settings.custom in the golangci-lint configuration, the name
// //nolint comments use, and the analyzer's own name, so golangci-lint
// prints credlint's messages without a prefix.
const Name = "credlint"

func init() {
	register.Plugin(Name, New)
}

// plugin is the register.LinterPlugin golangci-lint gets. Its settings are
// already on the flags when New returns it, so it holds nothing.
type plugin struct{}

// New decodes the raw settings golangci-lint read from its configuration
// and applies them to config.Analyzer.Flags. It fails, changing no flag,
// when a key is unknown, a value is not a string or a list of strings, or a
// flag rejects an entry; the message names the key.
func New(raw any) (register.LinterPlugin, error) {
	s, err := decode(raw)
	if err != nil {
		return nil, err
	}
	if err := s.apply(&config.Analyzer.Flags); err != nil {
		return nil, err
	}
	return plugin{}, nil
}

// BuildAnalyzers returns credlint's analyzer, without the related entries
// golangci-lint would show twice (withoutDuplicateRelated). golangci-lint
// runs the passes it requires, and their facts, itself.
func (plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{withoutDuplicateRelated()}, nil
}

// GetLoadMode asks for type information: the passes need types and the
// facts of every dependency.
func (plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
