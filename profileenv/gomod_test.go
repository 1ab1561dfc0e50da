package profileenv_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestOlderGoLineBuilds: a program whose go.mod says go 1.25 builds with
// profileenv added as credlint -fix's hint says (require and replace),
// without go mod tidy raising its go line. The go line of profileenv is
// the lowest release its code and tests need (go vet's stdversion check
// reports newer APIs): 1.25, for sync.WaitGroup.Go in the stress test.
// Issue 16: at go 1.26.0, a module at go 1.26 no longer built after -fix.
func TestOlderGoLineBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go build")
	}
	shim, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/old\n\ngo 1.25\n\nrequire github.com/credlint/credlint/profileenv v0.0.0\n\n" +
			"replace github.com/credlint/credlint/profileenv => " + shim + "\n",
		"main.go": "package main\n\nimport (\n\t\"context\"\n\n\t\"github.com/credlint/credlint/profileenv\"\n)\n\n" +
			"func main() { _ = profileenv.Getenv(context.Background(), \"HOME\") }\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "build", "-o", os.DevNull, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "GOWORK=off", "GOPROXY=off", "GOTOOLCHAIN=local")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go build in a go 1.25 module: %v\n%s", err, out)
	}
}
