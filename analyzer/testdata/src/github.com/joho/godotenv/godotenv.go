// Package godotenv is a minimal stub of github.com/joho/godotenv v1.5.1 for
// credlint's tests. It touches the process environment the way the real
// package does: Load and Overload call os.Setenv for every key of the parsed
// file (Load skips keys already present, found through os.Environ), Exec
// loads and then runs a child with a nil Env, and Read only returns a map.
package godotenv

import (
	"os"
	"os/exec"
	"strings"
)

func Load(filenames ...string) (err error) {
	for _, filename := range filenamesOrDefault(filenames) {
		if err = loadFile(filename, false); err != nil {
			return
		}
	}
	return
}

func Overload(filenames ...string) (err error) {
	for _, filename := range filenamesOrDefault(filenames) {
		if err = loadFile(filename, true); err != nil {
			return
		}
	}
	return
}

func Read(filenames ...string) (map[string]string, error) {
	envMap := map[string]string{}
	for _, filename := range filenamesOrDefault(filenames) {
		m, err := readFile(filename)
		if err != nil {
			return nil, err
		}
		for k, v := range m {
			envMap[k] = v
		}
	}
	return envMap, nil
}

func Exec(filenames []string, cmd string, cmdArgs []string, overload bool) error {
	op := Load
	if overload {
		op = Overload
	}
	if err := op(filenames...); err != nil {
		return err
	}
	command := exec.Command(cmd, cmdArgs...)
	command.Stdin = os.Stdin
	command.Stdout = os.Stdout
	command.Stderr = os.Stderr
	return command.Run()
}

func filenamesOrDefault(filenames []string) []string {
	if len(filenames) == 0 {
		return []string{".env"}
	}
	return filenames
}

func loadFile(filename string, overload bool) error {
	envMap, err := readFile(filename)
	if err != nil {
		return err
	}
	currentEnv := map[string]bool{}
	for _, rawEnvLine := range os.Environ() {
		currentEnv[strings.Split(rawEnvLine, "=")[0]] = true
	}
	for key, value := range envMap {
		if !currentEnv[key] || overload {
			_ = os.Setenv(key, value)
		}
	}
	return nil
}

func readFile(filename string) (map[string]string, error) {
	data, err := os.ReadFile(filename)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			out[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return out, nil
}
