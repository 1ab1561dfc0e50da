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
