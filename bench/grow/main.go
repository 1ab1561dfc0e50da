// Command grow writes a synthetic module of one package whose size is N,
// in one of two shapes that once made credlint's cost grow faster than N
// (issue 16, "Quadratic growth"):
//
//   - ignores: N HTTP handlers, each writing the environment on a line
//     that carries a trailing //credlint:ignore directive (matching every
//     finding against every directive, and finding each directive's line
//     by walking the whole file, were both quadratic);
//
//   - recursive: N mutually recursive functions, each reading its own
//     credential key and calling the next (the last calls the first), all
//     reached from one handler.
//
//     go run ./bench/grow -shape ignores -n 8000 DIR
//
// then, in DIR: go vet -vettool=$(which credlint) ./... or credlint ./...
// bench/grow.sh runs a series of sizes and prints time and peak memory;
// docs/performance.md has the recorded curves.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	shape := flag.String("shape", "ignores", "ignores or recursive")
	n := flag.Int("n", 1000, "handlers (ignores) or functions (recursive)")
	flag.Parse()
	if flag.NArg() != 1 || *n < 1 || (*shape != "ignores" && *shape != "recursive") {
		fmt.Fprintln(os.Stderr, "usage: grow [-shape ignores|recursive] [-n N] DIR")
		os.Exit(2)
	}
	var src string
	if *shape == "ignores" {
		src = ignores(*n)
	} else {
		src = recursive(*n)
	}
	dir := flag.Arg(0)
	files := map[string]string{
		"go.mod":     "module example.com/grow\n\ngo 1.26\n",
		"app/app.go": src,
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "grow:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "grow:", err)
			os.Exit(1)
		}
	}
}

func ignores(n int) string {
	var b strings.Builder
	b.WriteString("package app\n\nimport (\n\t\"net/http\"\n\t\"os\"\n)\n\nfunc Register(mux *http.ServeMux) {\n")
	for i := range n {
		fmt.Fprintf(&b, "\tmux.HandleFunc(\"/h%d\", h%d)\n", i, i)
	}
	b.WriteString("}\n")
	for i := range n {
		fmt.Fprintf(&b, "\nfunc h%d(w http.ResponseWriter, r *http.Request) {\n", i)
		fmt.Fprintf(&b, "\tos.Setenv(\"APP_MODE_%d\", r.URL.Path) //credlint:ignore env-write-concurrent synthetic\n}\n", i)
	}
	return b.String()
}

func recursive(n int) string {
	var b strings.Builder
	b.WriteString("package app\n\nimport (\n\t\"net/http\"\n\t\"os\"\n)\n\n")
	b.WriteString("func Register(mux *http.ServeMux) {\n\tmux.HandleFunc(\"/\", func(w http.ResponseWriter, r *http.Request) { f0(len(r.URL.Path)) })\n}\n")
	for i := range n {
		fmt.Fprintf(&b, "\nfunc f%d(depth int) string {\n\tif depth <= 0 {\n\t\treturn \"\"\n\t}\n", i)
		fmt.Fprintf(&b, "\treturn os.Getenv(\"SVC_%d_API_KEY\") + f%d(depth-1)\n}\n", i, (i+1)%n)
	}
	return b.String()
}
