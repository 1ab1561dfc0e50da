package app // want package:"touchesEnv"

import (
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
