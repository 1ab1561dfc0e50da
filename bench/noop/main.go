// Command noop is a vet tool that does nothing: one analyzer with no facts,
// no requirements and no diagnostics, driven by unitchecker.Main.
//
// It is the baseline for bench/run.sh. Under go vet -vettool, unitchecker
// still parses and type-checks every package of the build graph, standard
// library included, and writes its export data to the .vetx file that the
// importers read their types from. That is the floor any vet tool pays;
// credlint's cost is measured against it.
//
//	go build -o /tmp/noop ./bench/noop
//	go vet -vettool=/tmp/noop ./...
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
)

var analyzer = &analysis.Analyzer{
	Name: "noop",
	Doc:  "noop does nothing; it measures the cost of go vet -vettool itself",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { unitchecker.Main(analyzer) }
