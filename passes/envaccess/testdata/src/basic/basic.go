package basic // want package:"touchesEnv"

import (
	"os"
	"syscall"
)

const apiKeyEnv = "OPENAI_API_KEY"

func direct() string { // want direct:`envRead\(OPENAI_API_KEY\)`
	return os.Getenv(apiKeyEnv)
}

func lookup(name string) string { // want lookup:`envRead\(\$0\)`
	return os.Getenv(name)
}

func viaLookup() string { // want viaLookup:`envRead\(ANTHROPIC_API_KEY\)`
	return lookup("ANTHROPIC_" + "API_KEY")
}

func writes(v string) { // want writes:`envWrite\(\*\) envWrite\(A\) envWrite\(B\)`
	os.Setenv("A", v)
	syscall.Unsetenv("B")
	os.Clearenv()
}

func environ() []string { // want environ:`envRead\(\*\)`
	return os.Environ()
}

func closureBelongsToParent() { // want closureBelongsToParent:`envRead\(TOKEN\)`
	f := func() string { return os.Getenv("TOKEN") }
	_ = f()
}

func goroutineIsItsOwnRoot() { // want goroutineIsItsOwnRoot:`background\(envWrite\(X\)\)`
	go func() {
		os.Setenv("X", "1") // not part of the parent: the literal is a root
	}()
}

func pure() int { return 1 } // no fact: reaches nothing
