// Command synth writes a synthetic module that stresses the summary
// fixed point and the standalone regrouping: L levels of W functions, each
// calling every function of the next level (and itself, behind a condition
// never true at run time), the last level reading K credential keys and
// writing K keys, and H HTTP handlers calling the first level.
//
//	go run ./bench/synth -w 15 -l 15 -handlers 200 -keys 15 DIR
//
// then, in DIR: go vet -vettool=$(which credlint) ./... or credlint ./...
// (docs/performance.md has the figures of session 9).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	w := flag.Int("w", 15, "functions per level")
	l := flag.Int("l", 15, "levels")
	h := flag.Int("handlers", 200, "HTTP handlers")
	k := flag.Int("keys", 15, "keys read and written at the last level")
	flag.Parse()
	if flag.NArg() != 1 || *w < 1 || *l < 1 || *h < 1 || *k < 1 {
		fmt.Fprintln(os.Stderr, "usage: synth [-w N] [-l N] [-handlers N] [-keys N] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	if err := write(dir, *w, *l, *h, *k); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

func write(dir string, w, l, h, k int) error {
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\t\"net/http\"\n\t\"os\"\n)\n\n")
	for lv := range l {
		for i := range w {
			var calls []string
			if lv < l-1 {
				for j := range w {
					calls = append(calls, fmt.Sprintf("f_%d_%d(n-1)", lv+1, j))
				}
			} else {
				for j := range k {
					calls = append(calls, fmt.Sprintf("os.Setenv(\"K%d\", os.Getenv(\"SECRET_TOKEN_%d\"))", j, j))
				}
			}
			fmt.Fprintf(&b, "func f_%d_%d(n int) { %s; if n > 100 { f_%d_%d(n) } }\n", lv, i, strings.Join(calls, "; "), lv, i)
		}
	}
	for i := range h {
		fmt.Fprintf(&b, "func h%d(w http.ResponseWriter, r *http.Request) { f_0_%d(3) }\n", i, i%w)
	}
	b.WriteString("func main() {\n")
	for i := range h {
		fmt.Fprintf(&b, "\thttp.HandleFunc(\"/%d\", h%d)\n", i, i)
	}
	b.WriteString("\thttp.ListenAndServe(\":8080\", nil)\n}\n")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/synth\n\ngo 1.26\n"), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "main.go"), []byte(b.String()), 0o644)
}
