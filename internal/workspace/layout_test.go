package workspace

import (
	"path/filepath"
	"slices"
	"testing"
)

const root = "../.."

// TestReleasedLayout keeps the promise of docs/release.md (issue 15): a
// released module's go.mod has no replace directive (the go command
// refuses `go install module@version` of a module that has one, and
// ignores it in a dependency), each one requires the others it imports at
// a version, and the root go.work develops them together: it uses every
// released module, and points each in-repository requirement, at the
// version required, at the module's directory.
func TestReleasedLayout(t *testing.T) {
	released, err := Released(root)
	if err != nil {
		t.Fatal(err)
	}
	dirOf := map[string]string{}
	for _, m := range released {
		dirOf[m.Path] = m.Dir
	}
	gowork, _ := filepath.Abs(filepath.Join(root, "go.work"))
	wf, err := parseWork(gowork)
	if err != nil {
		t.Fatal(err)
	}
	if wf.Go == nil || wf.Go.Version != "1.26.0" {
		t.Errorf("go.work: want the line go 1.26.0, got %v", wf.Go)
	}
	uses, err := Uses(gowork)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(uses, released) {
		t.Errorf("go.work uses %v; want the released modules %v", uses, released)
	}
	replaced := map[[2]string]string{} // path, version -> directory
	for _, r := range wf.Replace {
		replaced[[2]string{r.Old.Path, r.Old.Version}] = filepath.Join(filepath.Dir(gowork), r.New.Path)
	}
	needed := map[[2]string]bool{}
	for _, m := range released {
		mf, err := parseMod(filepath.Join(m.Dir, "go.mod"))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range mf.Replace {
			t.Errorf("%s/go.mod: replace %s: a released module must not replace (use go.work)", m.Dir, r.Old.Path)
		}
		for _, r := range mf.Require {
			dir, ok := dirOf[r.Mod.Path]
			if !ok {
				continue
			}
			key := [2]string{r.Mod.Path, r.Mod.Version}
			needed[key] = true
			if got := replaced[key]; got != dir {
				t.Errorf("%s requires %s %s: go.work must have `replace %s %s => %s` (has %q)",
					m.Path, r.Mod.Path, r.Mod.Version, r.Mod.Path, r.Mod.Version, rel(gowork, dir), got)
			}
		}
	}
	for key := range replaced {
		if !needed[key] {
			t.Errorf("go.work: replace %s %s: no released module requires that version", key[0], key[1])
		}
	}
}

func rel(gowork, dir string) string {
	r, err := filepath.Rel(filepath.Dir(gowork), dir)
	if err != nil {
		return dir
	}
	return "./" + filepath.ToSlash(r)
}

// TestGoworkEnv: the workspace for its modules, off for the repository's
// other modules and for directories outside it.
func TestGoworkEnv(t *testing.T) {
	gowork, _ := filepath.Abs(filepath.Join(root, "go.work"))
	for _, tc := range []struct{ dir, want string }{
		{root, "GOWORK=" + gowork},
		{filepath.Join(root, "examples", "profileserver"), "GOWORK=" + gowork},
		{filepath.Join(root, "profileenv"), "GOWORK=" + gowork},
		{filepath.Join(root, "profileenv", "credkeys"), "GOWORK=" + gowork},
		{filepath.Join(root, "testdata", "realdeps"), "GOWORK=off"},
		{filepath.Join(root, "analyzer", "testdata", "ownmodule", "sdk"), "GOWORK=off"},
		{t.TempDir(), "GOWORK=off"},
	} {
		if got := GoworkEnv(tc.dir); got != tc.want {
			t.Errorf("GoworkEnv(%s) = %s, want %s", tc.dir, got, tc.want)
		}
	}
}
