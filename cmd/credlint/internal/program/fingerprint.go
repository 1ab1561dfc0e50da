package program

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"slices"
	"strings"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// A fingerprint identifies a finding across edits that do not change it:
// it hashes the rule, the root (its package, kind and name) and the access
// (its keys, the function that makes it, the accessing function, and the
// text of the access itself, white space removed), and no line or column.
// Moving code, adding lines or other statements above, below or between,
// and reformatting keep it; renaming the root, the key or the function
// making the access, changing the access's own text, or a new root
// reaching the access, makes a new one.
//
// Each witness has a fingerprint, since each root that reaches an access is
// a finding of its own under go vet; a finding's fingerprint is its first
// witness's. True duplicates, two accesses with the same identity and the
// same text (`os.Setenv("A", v)` twice in one function, reached from one
// root), are told apart by their order in the file: the second gets "#2"
// hashed in, and so on. Only inserting a third identical copy before them
// renumbers them.
//
// FingerprintVersion is part of every hash: changing what is hashed means
// a new version, and old baselines stop matching at once instead of
// silently matching the wrong findings. v2 (session 12) added the access's
// text: v1 numbered every access of one key in one function by position,
// so a new os.Setenv inserted before an old one renamed the old one.
const FingerprintVersion = "credlint-fingerprint/v2"

// fingerprintLen is the number of hex digits kept: 128 bits.
const fingerprintLen = 32

func hash(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:])[:fingerprintLen]
}

// witnessIdentity is what a witness's fingerprint hashes, without the
// ordinal that tells twins apart; text is the access's source text
// (accessText).
func witnessIdentity(rule string, w output.Witness, text string) []string {
	keys := slices.Clone(w.Keys)
	slices.Sort(keys)
	return []string{FingerprintVersion, rule, w.Root.Package, w.Root.Kind, w.Root.Name,
		strings.Join(keys, ","), w.Holder, w.Op, text}
}

// sources reads the text of accesses for fingerprints, each file once.
type sources map[string][]string

// accessText returns the source text of w's access (its last frame, from
// its position to its end, or its whole line when the end is unknown),
// with all white space removed so that reformatting keeps it; "" when the
// file cannot be read.
func (src sources) accessText(w output.Witness) string {
	if len(w.Frames) == 0 {
		return ""
	}
	fr := w.Frames[len(w.Frames)-1]
	lines, ok := src[fr.Posn.Filename]
	if !ok {
		data, err := os.ReadFile(fr.Posn.Filename)
		if err == nil {
			lines = strings.Split(string(data), "\n")
		}
		src[fr.Posn.Filename] = lines
	}
	first, last := fr.Posn.Line, max(fr.End.Line, fr.Posn.Line)
	if first < 1 || last > len(lines) {
		return ""
	}
	text := strings.Join(lines[first-1:last], "\n")
	if fr.Posn.Column > 0 && fr.End.Column > 0 && fr.End.Line > 0 {
		start := fr.Posn.Column - 1
		end := len(text) - len(lines[last-1]) + fr.End.Column - 1
		if start <= end && end <= len(text) {
			text = text[start:end]
		}
	}
	return strings.Join(strings.Fields(text), "")
}

// findingIdentity is what the fingerprint of a finding without witnesses
// (a malformed ignore directive) hashes: its rule, package, enclosing
// function and message.
func findingIdentity(f output.Finding, fn string) []string {
	pkg, _, _ := strings.Cut(f.Package, " ")
	return []string{FingerprintVersion, f.Category, pkg, fn, f.Message}
}
