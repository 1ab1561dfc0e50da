package snapshot // want package:"touchesEnv"

import (
	"os"
	"strings"
	"syscall"
)

func prefixed() { // want prefixed:`^envRead\(\*-APP_\*\)$`
	for _, e := range os.Environ() {
		if strings.HasPrefix(e, "APP_") {
			continue
		}
		_ = e
	}
}

func byName() { // want byName:`^envRead\(\*-A,B,C_\*\)$`
	env := syscall.Environ()
	for _, e := range env {
		k, _, ok := strings.Cut(e, "=")
		if !ok {
			continue
		}
		if k == "A" || strings.HasPrefix(e, "B=") || strings.HasPrefix(k, "C_") {
			continue
		}
	}
}

func escapes() []string { // want escapes:`^envRead\(\*\)$`
	env := os.Environ()
	for _, e := range env {
		if strings.HasPrefix(e, "APP_") {
			continue
		}
	}
	return env // the unfiltered copy is used too
}

func conjunction() { // want conjunction:`^envRead\(\*\)$`
	for _, e := range os.Environ() {
		if strings.HasPrefix(e, "APP_") && len(e) > 10 {
			continue
		}
	}
}

func afterUse(out []string) { // want afterUse:`^envRead\(\*\)$`
	for _, e := range os.Environ() {
		out = append(out, e) // used before the filter
		if strings.HasPrefix(e, "APP_") {
			continue
		}
	}
}
