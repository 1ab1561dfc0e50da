package release

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"

	"github.com/credlint/credlint/internal/workspace"
)

// publish writes each module of mods to the module proxy directory proxy
// (the layout GOPROXY=file://proxy serves: <path>/@v/list, .info, .mod,
// .zip) at version, as a release would: the module's files as git would
// tag them (tracked and untracked files of the working tree, not the
// ignored ones such as built binaries), and its go.mod with the require
// lines of the other modules of mods set to version.
func publish(t *testing.T, proxy string, mods []workspace.Module, version string) {
	t.Helper()
	inRelease := map[string]bool{}
	for _, m := range mods {
		inRelease[m.Path] = true
	}
	for _, m := range mods {
		gomod, err := os.ReadFile(filepath.Join(m.Dir, "go.mod"))
		if err != nil {
			t.Fatal(err)
		}
		gomod, err = releasedGoMod(gomod, inRelease, version)
		if err != nil {
			t.Fatalf("%s/go.mod: %v", m.Dir, err)
		}
		esc, err := module.EscapePath(m.Path)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(proxy, filepath.FromSlash(esc), "@v")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		var z bytes.Buffer
		mv := module.Version{Path: m.Path, Version: version}
		if err := zip.Create(&z, mv, moduleFiles(t, m.Dir, gomod)); err != nil {
			t.Fatalf("zip of %s: %v", m.Path, err)
		}
		info, _ := json.Marshal(map[string]any{"Version": version, "Time": time.Now().UTC().Format(time.RFC3339)})
		for name, data := range map[string][]byte{
			"list": []byte(version + "\n"), version + ".info": info, version + ".mod": gomod, version + ".zip": z.Bytes(),
		} {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("published %s@%s (zip %d KiB)", m.Path, version, z.Len()/1024)
	}
}

// releasedGoMod returns gomod with every requirement of a module in
// inRelease at version. Anything else stays as the tag would have it: a
// replace directive too, which would break go install (TestReleasedLayout
// says so first).
func releasedGoMod(gomod []byte, inRelease map[string]bool, version string) ([]byte, error) {
	f, err := modfile.Parse("go.mod", gomod, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range f.Require {
		if inRelease[r.Mod.Path] {
			if err := f.AddRequire(r.Mod.Path, version); err != nil {
				return nil, err
			}
		}
	}
	f.Cleanup()
	return f.Format()
}

// moduleFiles returns the files of the module in dir as git lists them
// (git ls-files: tracked, and untracked but not ignored, still present),
// with gomod as its go.mod. zip.Create leaves out those of nested modules.
func moduleFiles(t *testing.T, dir string, gomod []byte) []zip.File {
	t.Helper()
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git ls-files in %s: %v", dir, err)
	}
	seen := map[string]bool{}
	files := []zip.File{dataFile{"go.mod", gomod}}
	for _, rel := range strings.Split(string(out), "\x00") {
		if rel == "" || rel == "go.mod" || seen[rel] {
			continue
		}
		seen[rel] = true
		fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil || !fi.Mode().IsRegular() {
			continue // deleted in the working tree, or not a regular file
		}
		files = append(files, diskFile{rel, filepath.Join(dir, filepath.FromSlash(rel)), fi})
	}
	return files
}

// diskFile is a zip.File read from the working tree.
type diskFile struct {
	slash, file string
	info        os.FileInfo
}

func (f diskFile) Path() string                 { return f.slash }
func (f diskFile) Lstat() (os.FileInfo, error)  { return f.info, nil }
func (f diskFile) Open() (io.ReadCloser, error) { return os.Open(f.file) }

// dataFile is a zip.File held in memory (the rewritten go.mod).
type dataFile struct {
	slash string
	data  []byte
}

func (f dataFile) Path() string                 { return f.slash }
func (f dataFile) Lstat() (os.FileInfo, error)  { return dataInfo(f), nil }
func (f dataFile) Open() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(f.data)), nil }

type dataInfo dataFile

func (fi dataInfo) Name() string       { return path.Base(fi.slash) }
func (fi dataInfo) Size() int64        { return int64(len(fi.data)) }
func (fi dataInfo) Mode() os.FileMode  { return 0o644 }
func (fi dataInfo) ModTime() time.Time { return time.Time{} }
func (fi dataInfo) IsDir() bool        { return false }
func (fi dataInfo) Sys() any           { return nil }
