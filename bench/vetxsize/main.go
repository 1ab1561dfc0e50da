// Command vetxsize sums the .vetx files that go vet -vettool left in a
// GOCACHE directory: the type export data and the facts of every package the
// tool analysed.
//
// unitchecker writes one .vetx file per package: the magic "vetx", the
// lengths of the two parts (little-endian uint32 each), the export data of the
// package's types, then its encoded facts. go vet stores each in the build
// cache, so after a run with a fresh GOCACHE the cache holds one per package
// (plus any from earlier runs of other tools with the same cache).
//
//	go run ./bench/vetxsize [-top N] [-decode] GOCACHE
//
// prints one line: files, total types bytes, total facts bytes, files whose
// facts are larger than an empty fact set, and the N largest facts parts.
//
// With -decode it also decodes credlint's facts (the gob-encoded list that
// golang.org/x/tools/internal/facts writes: package path, object path, fact)
// and says, over all files and for the N largest, how many facts are about
// the file's own package and how many are copies of facts about other
// packages that the facts encoder re-exports (facts on methods, fields and
// types of imported packages are passed on to every importer). A file's own
// package is the one of its package fact (envaccess.TouchesEnv), which is
// never re-exported; files without one are counted apart.
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzer"
)

func main() {
	top := flag.Int("top", 5, "print the sizes of the N largest facts parts")
	decode := flag.Bool("decode", false, "decode credlint's facts: own package against re-exported")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: vetxsize [-top N] GOCACHE")
		os.Exit(2)
	}
	var files, typesTotal, factsTotal int64
	var facts []int64
	var decoded []fileFacts
	err := filepath.WalkDir(flag.Arg(0), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		var hdr [12]byte
		if _, err := io.ReadFull(f, hdr[:]); err != nil || string(hdr[:4]) != "vetx" {
			return nil
		}
		files++
		typesTotal += int64(binary.LittleEndian.Uint32(hdr[4:8]))
		n := int64(binary.LittleEndian.Uint32(hdr[8:12]))
		factsTotal += n
		facts = append(facts, n)
		if *decode && n > 0 {
			if _, err := f.Seek(12+int64(binary.LittleEndian.Uint32(hdr[4:8])), io.SeekStart); err != nil {
				return err
			}
			data := make([]byte, n)
			if _, err := io.ReadFull(f, data); err != nil {
				return err
			}
			ff, err := decodeFacts(data)
			if err != nil {
				return fmt.Errorf("%s: %v", path, err)
			}
			decoded = append(decoded, ff)
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "vetxsize:", err)
		os.Exit(1)
	}
	sort.Slice(facts, func(i, j int) bool { return facts[i] > facts[j] })
	// The smallest facts part is an empty fact set (a gob-encoded empty
	// list); count the files above it.
	var empty int64
	if len(facts) > 0 {
		empty = facts[len(facts)-1]
	}
	nonEmpty := 0
	for _, n := range facts {
		if n > empty {
			nonEmpty++
		}
	}
	if len(facts) > *top {
		facts = facts[:*top]
	}
	fmt.Printf("vetx_files=%d types_bytes=%d facts_bytes=%d facts_nonempty=%d empty_facts_bytes=%d largest_facts=%v\n",
		files, typesTotal, factsTotal, nonEmpty, empty, facts)
	if *decode {
		report(decoded, *top)
	}
}

// gobFact mirrors the record that golang.org/x/tools/internal/facts encodes.
type gobFact struct {
	PkgPath string
	Object  string // objectpath.Path
	Fact    analysis.Fact
}

type fileFacts struct {
	own                   string // "" if the file has no package fact
	bytes, ownBytes       int
	facts, ownFacts, pkgs int
}

func init() {
	seen := map[*analysis.Analyzer]bool{}
	var walk func(a *analysis.Analyzer)
	walk = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, f := range a.FactTypes {
			gob.Register(f)
		}
		for _, r := range a.Requires {
			walk(r)
		}
	}
	walk(analyzer.Analyzer)
}

func decodeFacts(data []byte) (fileFacts, error) {
	var list []gobFact
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&list); err != nil {
		return fileFacts{}, err
	}
	ff := fileFacts{bytes: len(data), facts: len(list)}
	pkgs := map[string]bool{}
	for _, g := range list {
		pkgs[g.PkgPath] = true
		if g.Object == "" {
			ff.own = g.PkgPath
		}
	}
	ff.pkgs = len(pkgs)
	var own []gobFact
	for _, g := range list {
		if g.PkgPath == ff.own {
			own = append(own, g)
		}
	}
	ff.ownFacts = len(own)
	if len(own) > 0 {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(own); err != nil {
			return fileFacts{}, err
		}
		ff.ownBytes = buf.Len()
	}
	return ff, nil
}

func report(files []fileFacts, top int) {
	var all, own, allBytes, ownBytes, noOwn int
	for _, f := range files {
		all += f.facts
		own += f.ownFacts
		allBytes += f.bytes
		ownBytes += f.ownBytes
		if f.own == "" {
			noOwn++
		}
	}
	fmt.Printf("decoded_files=%d facts=%d own_facts=%d reexported_facts=%d facts_bytes=%d own_bytes_reencoded=%d files_without_package_fact=%d\n",
		len(files), all, own, all-own, allBytes, ownBytes, noOwn)
	sort.Slice(files, func(i, j int) bool { return files[i].bytes > files[j].bytes })
	for i, f := range files {
		if i == top {
			break
		}
		fmt.Printf("  %8d bytes  %5d facts about %3d packages; own package %q: %d facts, %d bytes re-encoded\n",
			f.bytes, f.facts, f.pkgs, f.own, f.ownFacts, f.ownBytes)
	}
}
