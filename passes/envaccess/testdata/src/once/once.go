package once // want package:"touchesEnv"

import (
	"os"
	"sync"
)

var once sync.Once

func onceRead() string {
	var t string
	once.Do(func() { t = os.Getenv("TOKEN") }) // read once: not summarised
	return t
}

var secret = sync.OnceValue(func() string { return os.Getenv("CLIENT_SECRET") })

func onceWrite() { // want onceWrite:`envWrite\(X\)`
	once.Do(func() { os.Setenv("X", "1") }) // writes still count
}

var loadOnce = sync.OnceFunc(func() { _ = os.Getenv("API_KEY") })

func onceFuncRead() { loadOnce() } // no fact: the OnceFunc body runs once

func onceValuesRead() (string, bool) { // no fact: sync.OnceValues runs it once
	return sync.OnceValues(func() (string, bool) { return os.LookupEnv("API_KEY") })()
}

func onceFuncWrite() { // want onceFuncWrite:`envWrite\(X\)`
	sync.OnceFunc(func() { os.Unsetenv("X") })()
}

func onceValuesWrite() { // want onceValuesWrite:`envWrite\(Y\)`
	_, _ = sync.OnceValues(func() (int, error) { return 0, os.Setenv("Y", "1") })()
}

// Package-level run-once functions: a call of the variable reaches the
// literal's writes, not its reads.
var unsetOnce = sync.OnceFunc(func() { os.Unsetenv("Z") })

func onceVarWrite() { unsetOnce() } // want onceVarWrite:`envWrite\(Z\)`

var regionOnce = sync.OnceValue(func() error { return os.Setenv("REGION", "eu") })

func onceValueVarWrite() error { return regionOnce() } // want onceValueVarWrite:`envWrite\(REGION\)`

var tokenOnce = sync.OnceValues(func() (string, bool) { return os.LookupEnv("API_TOKEN") })

func onceValuesVarRead() string { t, _ := tokenOnce(); return t } // no fact: read once

// Run-once wrappers of named functions and method values behave like
// those of literals, wherever the wrapper is stored (issue 13, section 4).
func collectEnv() []string { return os.Environ() } // want collectEnv:`envRead\(\*\)`

func setRegion() { os.Setenv("REGION", "us") } // want setRegion:`envWrite\(REGION\)`

var lazyEnv = sync.OnceValue(collectEnv)

func namedOnceVarRead() []string { return lazyEnv() } // no fact: collectEnv runs once

var lazyRegion = sync.OnceFunc(setRegion)

func namedOnceVarWrite() { lazyRegion() } // want namedOnceVarWrite:`envWrite\(REGION\)`

type loader struct{ env func() []string }

func (l *loader) keys() []string { return os.Environ() } // want keys:`envRead\(\*\)`

func newLoader() *loader { // no fact: the wrapped function runs once
	l := &loader{}
	l.env = sync.OnceValue(l.keys)
	return l
}

func (l *loader) fieldOnceRead() []string { return l.env() } // no fact: l.env holds a run-once wrapper

func localOnceRead() []string { // no fact: a local wrapper of a named function
	get := sync.OnceValue(collectEnv)
	return get()
}

func onceDoNamed() { // no fact: once.Do of a named function
	once.Do(readToken)
}

func readToken() { _ = os.Getenv("TOKEN") } // want readToken:`envRead\(TOKEN\)`

func collectTokenTwice() string { return os.Getenv("TOKEN") } // want collectTokenTwice:`envRead\(TOKEN\)`

var (
	tokenFn     = collectTokenTwice // taken as a plain value too
	lazyToken   = sync.OnceValue(collectTokenTwice)
	plainTokens func() string
)

func plainCall() string { // want plainCall:`envRead\(TOKEN\)`
	plainTokens = tokenFn
	return plainTokens() // a plain function value: not run once
}
