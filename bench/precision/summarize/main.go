// Command summarize prints, for one credlint -format=json report, the number
// of findings per rule and one line per finding (location, rule, keys, roots),
// the list docs/precision.md triages.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type report struct {
	Findings []struct {
		Rule     string `json:"rule"`
		Message  string `json:"message"`
		Package  string `json:"package"`
		Location struct {
			File string `json:"file"`
			Line int    `json:"line"`
		} `json:"location"`
		Roots []struct {
			Kind string   `json:"kind"`
			Name string   `json:"name"`
			Keys []string `json:"keys"`
		} `json:"roots"`
	} `json:"findings"`
	Errors []struct {
		Package string `json:"package"`
	} `json:"errors"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: summarize REPORT.json")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var r report
	if err := json.Unmarshal(data, &r); err != nil {
		fmt.Fprintln(os.Stderr, os.Args[1], err)
		os.Exit(1)
	}
	perRule := map[string]int{}
	for _, f := range r.Findings {
		perRule[f.Rule]++
	}
	rules := make([]string, 0, len(perRule))
	for k := range perRule {
		rules = append(rules, k)
	}
	sort.Strings(rules)
	fmt.Printf("findings: %d, packages with errors: %d\n", len(r.Findings), len(r.Errors))
	for _, k := range rules {
		fmt.Printf("  %-36s %d\n", k, perRule[k])
	}
	for _, f := range r.Findings {
		keys := map[string]bool{}
		var roots []string
		for _, rt := range f.Roots {
			for _, k := range rt.Keys {
				keys[k] = true
			}
			roots = append(roots, rt.Kind+" "+rt.Name)
		}
		ks := make([]string, 0, len(keys))
		for k := range keys {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		file := f.Location.File
		if i := strings.Index(file, "@"); i >= 0 { // shorten module-cache paths
			if j := strings.Index(file[i:], "/"); j >= 0 {
				file = file[i+j+1:]
			}
		} else {
			file = filepath.Base(file)
		}
		fmt.Printf("  - %s:%d %s keys=%s roots=%d [%s]\n", file, f.Location.Line, f.Rule, strings.Join(ks, ","), len(f.Roots), strings.Join(roots, "; "))
	}
}
