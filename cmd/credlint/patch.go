package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/sourcegraph/go-diff/diff"
)

// relativePatch rewrites the patch go vet -diff prints, whose file headers
// name absolute paths (`--- /abs/h/h.go (old)`), into a git-style patch
// relative to root (`diff --git a/h/h.go b/h/h.go`, `--- a/h/h.go`,
// `+++ b/h/h.go`), which both `git apply` and `patch -p1` take when run in
// root. A file outside root keeps its absolute path. The hunks are kept as
// they are: go-diff parses and prints them without changing a byte.
func relativePatch(patch []byte, root string) ([]byte, error) {
	files, err := diff.ParseMultiFileDiff(patch)
	if err != nil {
		return nil, fmt.Errorf("reading go vet's patch: %w", err)
	}
	for _, f := range files {
		old := relPatchPath(strings.TrimSuffix(f.OrigName, " (old)"), root)
		new := relPatchPath(strings.TrimSuffix(f.NewName, " (new)"), root)
		f.OrigName, f.NewName = "a/"+old, "b/"+new
		f.OrigTime, f.NewTime = nil, nil
		f.Extended = []string{"diff --git a/" + old + " b/" + new}
	}
	return diff.PrintMultiFileDiff(files)
}

// relPatchPath returns path relative to root, with forward slashes, or
// path unchanged when it lies outside root.
func relPatchPath(path, root string) string {
	rel, err := filepath.Rel(root, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}
