package app // want package:"touchesEnv"

import (
	"os"
	"sync"

	"locks/lib"
)

var appMu sync.Mutex

// Locks held by the caller add to those of the callee.
func Both() { // want Both:`envRead\(REGION\)\[locks/app.appMu locks/lib.Mu\] envWrite\(REGION\)\[locks/app.appMu locks/lib.Mu\]`
	appMu.Lock()
	lib.Swap("x")
	appMu.Unlock()
}

func Outside() { // want Outside:`envRead\(REGION\)\[locks/lib.Mu\] envWrite\(REGION\)\[locks/lib.Mu\]`
	appMu.Lock()
	appMu.Unlock()
	lib.Swap("y")
}

// A mutex of an imported package is named as in its package.
func ImportedLock() string { // want ImportedLock:`envRead\(ZONE\)\[locks/lib.Mu\]`
	lib.Mu.Lock()
	defer lib.Mu.Unlock()
	return os.Getenv("ZONE")
}

var appPtr = &appMu

// (*p).Lock() on a package-level pointer names the pointer variable.
func ThroughPointer() string { // want ThroughPointer:`envRead\(ZONE\)\[locks/app.appPtr\]`
	(*appPtr).Lock()
	defer appPtr.Unlock()
	return os.Getenv("ZONE")
}
