package program

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/credlint/credlint/cmd/credlint/internal/output"
)

// A fingerprint identifies a finding across edits that do not change it:
// it hashes the rule, the root (its package, kind and name) and the access
// (its keys, the function that makes it, and the accessing function), and
// no line or column. Moving code, adding lines above it or reformatting
// keeps it; renaming the root, the key or the function making the access,
// or a new root reaching the access, makes a new one.
//
// Each witness has a fingerprint, since each root that reaches an access is
// a finding of its own under go vet; a finding's fingerprint is its first
// witness's. Two witnesses with the same identity (two os.Setenv calls of
// one dynamic name in one function, reached from one root) are told apart
// by their order in the file: the second gets "#2" hashed in, and so on.
//
// FingerprintVersion is part of every hash: changing what is hashed means
// a new version, and old baselines stop matching at once instead of
// silently matching the wrong findings.
const FingerprintVersion = "credlint-fingerprint/v1"

// fingerprintLen is the number of hex digits kept: 128 bits.
const fingerprintLen = 32

func hash(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:])[:fingerprintLen]
}

// WitnessIdentity is what a witness's fingerprint hashes, without the
// ordinal that tells twins apart.
func WitnessIdentity(rule string, w output.Witness) []string {
	keys := slices.Clone(w.Keys)
	slices.Sort(keys)
	return []string{FingerprintVersion, rule, w.Root.Package, w.Root.Kind, w.Root.Name,
		strings.Join(keys, ","), w.Holder, w.Op}
}

// findingIdentity is what the fingerprint of a finding without witnesses
// (a malformed ignore directive) hashes: its rule, package, enclosing
// function and message.
func findingIdentity(f output.Finding, fn string) []string {
	pkg, _, _ := strings.Cut(f.Package, " ")
	return []string{FingerprintVersion, f.Category, pkg, fn, f.Message}
}
