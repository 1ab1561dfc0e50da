package roots

import "golang.org/x/tools/go/analysis"

// Under go vet, a unit sees the package facts of its direct imports
// only: a unit's facts file re-exports the object facts of imported
// methods and types but never an imported package's package facts
// (golang.org/x/tools/internal/facts, Encode). The in-process engine
// keeps every fact of every dependency. A library's goroutines are
// usually in a package the program does not import itself
// (controller-runtime's internal/controller, behind pkg/controller and
// the builder), so the ConcurrentCalls fact of that package reached the
// program's packages in process but never under go vet. A package
// therefore forwards, in its own ConcurrentCalls fact, those of its direct
// imports: under both engines a package sees the interface methods called
// by the goroutines of all its dependencies. The lists are names of
// exported interface methods, a few per library.

// forwardedCalls returns the methods listed by the ConcurrentCalls facts
// of pass's direct imports.
func forwardedCalls(pass *analysis.Pass) []string {
	var out []string
	for _, imp := range pass.Pkg.Imports() {
		var f ConcurrentCalls
		if pass.ImportPackageFact(imp, &f) {
			out = append(out, f.Methods...)
		}
	}
	return out
}
