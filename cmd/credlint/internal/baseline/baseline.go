// Package baseline reads and writes credlint's baseline files, and applies
// one to a run's findings: findings listed in the baseline are suppressed,
// so that a CI gate fails only on new ones, and entries that no longer
// match any finding are reported, so that the file can shrink.
//
// A baseline lists one entry per finding and root (each root that reaches
// an access is a finding of its own under go vet), keyed by the witness's
// fingerprint, which does not depend on line numbers. The file is text, for
// review in pull requests, and versioned:
//
//	# credlint baseline: findings accepted as they are. ...
//	credlint-baseline 2
//
//	[3f2a9c1e5b7d8e90a1b2c3d4e5f60718]
//	rule: env-write-concurrent
//	root: HTTP handler (*server).handleProviders in example.com/server
//	access: os.Setenv(<dynamic name>) in main.withProfileEnv
//	seen at: main.go:93
//	comment: the mirror goes away with #12
//
// Only the fingerprint in brackets matters for matching; the other fields
// say what the entry is, and "comment:" is the reader's to fill: rewriting
// the file keeps the comments of the entries that remain. Lines starting
// with "#" are comments.
package baseline

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/credlint/credlint/internal/quote"
)

// Version is the version of the file format this package reads and writes.
// Version 2 came with fingerprint v2 (program.FingerprintVersion): a file
// of version 1 holds v1 fingerprints, which match nothing any more, so it
// is rejected with a clear message instead of every finding turning new.
const Version = 2

// header starts every baseline file; the version line follows it.
const header = `# credlint baseline: findings accepted as they are.
# credlint -baseline=FILE reports only the findings not listed here, and
# lists the entries that no longer match any finding, so that this file
# can shrink. Each entry is one finding and one root that reaches it; the
# fingerprint in brackets identifies it without line numbers. Write why a
# finding is accepted after "comment:"; credlint -write-baseline=FILE keeps
# the comments of the entries that remain.
`

const versionPrefix = "credlint-baseline "

// An Entry is one accepted finding and root.
type Entry struct {
	Fingerprint string
	Rule        string
	Root        string // e.g. "HTTP handler (*server).handle in example.com/m"
	Access      string // e.g. `os.Getenv("API_KEY") in main.lookup`
	At          string // where it was seen, "file.go:line", for the reader only
	Comment     string
}

// A File is a baseline.
type File struct {
	Entries []Entry
}

// Read reads the baseline file at path.
func Read(path string) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := Parse(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}

// maxLine is the longest line Parse reads. Entries are short (a
// fingerprint, a rule, a root, an access); a longer line is not one.
const maxLine = 1 << 20

// Parse reads a baseline. It rejects a file without the version line, of
// another version, or with malformed lines, naming the line. A UTF-8 byte
// order mark at the start, which some editors add, is skipped.
func Parse(r io.Reader) (*File, error) {
	b := &File{}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, maxLine)
	version, n, sawText := 0, 1, false
	var cur *Entry
	for ; sc.Scan(); n++ {
		text := sc.Text()
		if n == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		line := strings.TrimSpace(text)
		sawText = sawText || line != ""
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case version == 0:
			v, ok := strings.CutPrefix(line, versionPrefix)
			if !ok && strings.HasPrefix(versionLine(), line) {
				return nil, fmt.Errorf("line %d: truncated: the version line stops at %s", n, quote.Short(line))
			}
			if !ok {
				return nil, fmt.Errorf("line %d: not a credlint baseline (want %q first, got %s)", n, versionLine(), quote.Short(line))
			}
			if version, _ = strconv.Atoi(v); version != Version {
				return nil, fmt.Errorf("line %d: baseline format %s; this credlint reads format %d (rewrite it with -write-baseline)", n, quote.Short(v), Version)
			}
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			fp := line[1 : len(line)-1]
			if fp == "" || strings.ContainsAny(fp, " \t") {
				return nil, fmt.Errorf("line %d: malformed fingerprint %s", n, quote.Short(line))
			}
			b.Entries = append(b.Entries, Entry{Fingerprint: fp})
			cur = &b.Entries[len(b.Entries)-1]
		default:
			key, value, ok := strings.Cut(line, ":")
			if !ok || cur == nil {
				return nil, fmt.Errorf("line %d: want \"[fingerprint]\" or \"field: value\" in an entry, got %s", n, quote.Short(line))
			}
			cur.set(strings.TrimSpace(key), strings.TrimSpace(value))
		}
	}
	if err := parseEnd(sc.Err(), n, version, sawText); err != nil {
		return nil, err
	}
	return b, nil
}

// parseEnd says why Parse stopped without a baseline, or nil: a line too
// long to be one, a file that ends before its version line (cut short in
// the header, as by an interrupted write), or an empty file.
func parseEnd(err error, line, version int, sawText bool) error {
	switch {
	case errors.Is(err, bufio.ErrTooLong):
		return fmt.Errorf("line %d: longer than %d bytes: not a credlint baseline", line, maxLine)
	case err != nil:
		return err
	case version == 0 && sawText:
		return fmt.Errorf("truncated or invalid: the header ends without the %q line", versionLine())
	case version == 0:
		return fmt.Errorf("empty file: not a credlint baseline (want %q first)", versionLine())
	}
	return nil
}

func versionLine() string { return versionPrefix + strconv.Itoa(Version) }

// set records one field; fields this version does not know are ignored.
func (e *Entry) set(key, value string) {
	switch key {
	case "rule":
		e.Rule = value
	case "root":
		e.Root = value
	case "access":
		e.Access = value
	case "seen at":
		e.At = value
	case "comment":
		e.Comment = value
	}
}

// Write writes b, its entries sorted by file, rule, root, access and
// fingerprint, so that moving code changes only "seen at" lines.
func (b *File) Write(w io.Writer) error {
	entries := slices.Clone(b.Entries)
	slices.SortFunc(entries, func(x, y Entry) int {
		fx, _, _ := strings.Cut(x.At, ":")
		fy, _, _ := strings.Cut(y.At, ":")
		return cmp.Or(cmp.Compare(fx, fy), cmp.Compare(x.Rule, y.Rule), cmp.Compare(x.Root, y.Root),
			cmp.Compare(x.Access, y.Access), cmp.Compare(x.Fingerprint, y.Fingerprint))
	})
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s%s%d\n", header, versionPrefix, Version)
	for _, e := range entries {
		fmt.Fprintf(bw, "\n[%s]\n", e.Fingerprint)
		for _, f := range [][2]string{{"rule", e.Rule}, {"root", e.Root}, {"access", e.Access}, {"seen at", e.At}} {
			if f[1] != "" {
				fmt.Fprintf(bw, "%s: %s\n", f[0], oneLine(f[1]))
			}
		}
		fmt.Fprintln(bw, strings.TrimSpace("comment: "+oneLine(e.Comment)))
	}
	return bw.Flush()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// WriteFile writes b to path.
func (b *File) WriteFile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := b.Write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
