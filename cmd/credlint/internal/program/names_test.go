package program_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/credlint/credlint/analyzer"
)

// namesGo reads the whole environment and a name it builds from its own
// constants in one helper, which main and a goroutine both call, while a
// handler writes a name the request chooses.
const namesGo = `package main

import (
	"fmt"
	"net/http"
	"os"
)

func load() {
	_ = os.Environ()
	for i := 0; i < 2; i++ {
		_ = os.Getenv(fmt.Sprintf("OTHER_%d", i))
	}
}

func set(w http.ResponseWriter, r *http.Request) { os.Setenv(r.FormValue("k"), "1") }

func main() {
	load()
	go func() { load() }()
	http.HandleFunc("/set", set)
	http.ListenAndServe(":8080", nil)
}
`

// TestProgramNameKeys checks that a name the program builds from its own
// values is not listed among the keys of a race finding at the same call
// when no write in view is known to touch it: the handler's write of a
// name the request chooses races with os.Environ, not with OTHER_<n>
// (issue 13, K13).
func TestProgramNameKeys(t *testing.T) {
	t.Parallel()
	fs := analyse(t, map[string]string{"main.go": namesGo})
	read := find(t, fs, analyzer.RuleCredRead, "main.go")
	var keys []string
	for _, w := range read.Witnesses {
		keys = append(keys, w.Keys...)
	}
	if !slices.Contains(keys, "*") || slices.ContainsFunc(keys, func(k string) bool { return strings.HasPrefix(k, "OTHER_") }) {
		t.Errorf("keys %q, want * and no OTHER_ name\n%s", keys, dump(fs))
	}
}
