// Command nogolike is a vet tool that does what the main that rules_go's
// nogo generates does with credlint: it sets the analyzer_flags of a nogo
// JSON config (given by -nogo-config) on the analyzer and its direct
// Requires by name, and runs analyzer.Analyzer under unitchecker.
// TestDriversAgree builds it.
package main

import (
	"flag"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/credlint/credlint/analyzer"
	"github.com/credlint/credlint/analyzer/internal/nogocfg"
)

func main() {
	flag.Func("nogo-config", "nogo JSON config whose analyzer_flags to set", func(path string) error {
		return nogocfg.Apply(analyzer.Analyzer, path)
	})
	unitchecker.Main(analyzer.Analyzer)
}
